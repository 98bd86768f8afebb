import type { Span, SpanStatusCode } from '../trace/span';
import { attributeOrResource } from './attribute-or-resource';
import { spanType } from './span-type';

/** Tracetest spells status codes as OTLP's protobuf enum names. */
const TRACETEST_STATUS: Readonly<Record<SpanStatusCode, string>> = {
  unset: 'STATUS_CODE_UNSET',
  ok: 'STATUS_CODE_OK',
  error: 'STATUS_CODE_ERROR',
};

const FIELDS: ReadonlyMap<string, (span: Span) => unknown> = new Map<string, (span: Span) => unknown>([
  ['name', (s) => s.name],
  ['kind', (s) => s.kind],
  ['status', (s) => s.status.code],
  ['service.name', (s) => s.service],
  ['tracetest.span.name', (s) => s.name],
  ['tracetest.span.type', spanType],
  ['tracetest.span.duration', (s) => Number(s.endTimeUnixNano - s.startTimeUnixNano)],
  ['tracetest.span.start_time', (s) => s.startTimeUnixNano],
  ['tracetest.span.end_time', (s) => s.endTimeUnixNano],
  ['tracetest.span.id', (s) => s.spanId],
  ['tracetest.span.parent_id', (s) => s.parentSpanId],
  ['tracetest.span.kind', (s) => s.kind],
  ['tracetest.span.status_code', (s) => TRACETEST_STATUS[s.status.code]],
  ['tracetest.span.status_description', (s) => s.status.message],
]);

/**
 * The value a string selector compares for `name`: a span field or Tracetest meta attribute
 * (`tracetest.span.duration` in nanoseconds), else the span attribute, else the resource
 * attribute. `undefined` when the span has none.
 */
export function resolveSelectorField(span: Span, name: string): unknown {
  const field = FIELDS.get(name);
  if (field) return field(span);
  return attributeOrResource(span, name);
}
