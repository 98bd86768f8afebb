import type { SpanKind } from '../../trace/span';
import { OtlpFormatError } from './otlp-format-error';

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/** Reads an OTLP `Span.SpanKind`: the enum number (OTLP/JSON) or its name (`SPAN_KIND_SERVER`). */
export function otlpSpanKind(value: unknown, path: string): SpanKind {
  if (value === undefined || value === null) return 'unspecified';
  // proto3 enums are open: a number from a newer schema is kept by decoders, so it is not an error here.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return KINDS[value] ?? 'unspecified';
  if (typeof value === 'string' && value.startsWith('SPAN_KIND_')) {
    const kind = value.slice('SPAN_KIND_'.length).toLowerCase();
    if ((KINDS as readonly string[]).includes(kind)) return kind as SpanKind;
  }
  throw new OtlpFormatError(path, `expected a SpanKind number (0-5) or name (SPAN_KIND_SERVER), got ${JSON.stringify(value)}`);
}
