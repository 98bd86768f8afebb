import type { SpanKind } from '../../trace/span';
import { SPAN_KIND_TABLE, spanKindFromOtlp, spanKindFromOtlpName } from '../span-kind-table';
import { OtlpFormatError } from './otlp-format-error';

const HIGHEST = SPAN_KIND_TABLE.length - 1;

/** Reads an OTLP `Span.SpanKind`: the enum number (OTLP/JSON) or its name (`SPAN_KIND_SERVER`). */
export function otlpSpanKind(value: unknown, path: string): SpanKind {
  if (value === undefined || value === null) return 'unspecified';
  // proto3 enums are open: a number from a newer schema is kept by decoders, so it is not an error here.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return spanKindFromOtlp(value) ?? 'unspecified';
  const named = typeof value === 'string' ? spanKindFromOtlpName(value) : undefined;
  if (named !== undefined) return named;
  throw new OtlpFormatError(path, `expected a SpanKind number (0-${HIGHEST}) or name (SPAN_KIND_SERVER), got ${JSON.stringify(value)}`);
}
