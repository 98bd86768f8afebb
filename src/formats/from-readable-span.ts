import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createSpan, type AttributeValue, type Attributes, type Span } from '../trace/span';
import { spanKindFromApi } from './span-kind-table';
import { statusCodeFromApi } from './status-table';

type HrTime = readonly [number, number];

const toNanos = (time: HrTime): bigint => BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);

function copyAttributes(source: Readonly<Record<string, unknown>> | undefined): Attributes {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? Object.freeze([...value] as AttributeValue[]) : (value as AttributeValue);
  }
  return Object.freeze(out);
}

/** The parent span id of an SDK span: 2.x `parentSpanContext`, 1.x `parentSpanId`. */
function parentOf(span: ReadableSpan): string | undefined {
  const legacy = span as unknown as { parentSpanId?: string };
  return span.parentSpanContext?.spanId ?? legacy.parentSpanId;
}

/** Converts an OpenTelemetry SDK `ReadableSpan` (1.x or 2.x) into a {@link Span}. */
export function spanFromReadableSpan(span: ReadableSpan): Span {
  const context = span.spanContext();
  const scope =
    span.instrumentationScope ??
    (span as unknown as { instrumentationLibrary?: { name: string; version?: string } }).instrumentationLibrary;
  return createSpan({
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: parentOf(span),
    name: span.name,
    kind: spanKindFromApi(span.kind) ?? 'unspecified',
    status: {
      code: statusCodeFromApi(span.status.code) ?? 'unset',
      ...(span.status.message ? { message: span.status.message } : {}),
    },
    attributes: copyAttributes(span.attributes),
    resource: copyAttributes(span.resource.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      timeUnixNano: toNanos(event.time),
      attributes: copyAttributes(event.attributes),
    })),
    links: span.links.map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      attributes: copyAttributes(link.attributes),
    })),
    ...(scope ? { scope: { name: scope.name, ...(scope.version ? { version: scope.version } : {}) } } : {}),
    startTimeUnixNano: toNanos(span.startTime),
    endTimeUnixNano: toNanos(span.endTime),
  });
}
