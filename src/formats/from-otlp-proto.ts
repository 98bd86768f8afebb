import type { Span } from '../trace/span';
import { decodeOtlpProto } from './otlp/decode-otlp-proto';
import { otlpToSpans, type OtlpToSpansOptions } from './otlp/otlp-to-spans';

/**
 * Converts a binary protobuf OTLP `ExportTraceServiceRequest` (the body of an
 * `application/x-protobuf` export, or a gRPC `TraceService/Export` message) into spans.
 * @throws OtlpFormatError when the bytes do not decode, or naming the path of the bad field.
 * @example spansFromOtlpProto(await readFile('export.binpb'))
 */
export function spansFromOtlpProto(bytes: Uint8Array, options?: OtlpToSpansOptions): Span[] {
  return otlpToSpans(decodeOtlpProto(bytes), options);
}
