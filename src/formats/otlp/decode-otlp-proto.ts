import type { Message } from 'protobufjs';
import { OtlpFormatError } from './otlp-format-error';
import { otlpProtoTypes } from './otlp-proto-types';

/**
 * Decodes a binary protobuf `ExportTraceServiceRequest` into plain objects with lowerCamelCase
 * keys, 64-bit integers as decimal strings and bytes as `Uint8Array`: the input of `otlpToSpans`.
 * @throws OtlpFormatError when the bytes are not such a message (truncated, wrong wire types).
 */
export function decodeOtlpProto(bytes: Uint8Array): Record<string, unknown> {
  const { ExportTraceServiceRequest } = otlpProtoTypes();
  let message: Message;
  try {
    message = ExportTraceServiceRequest.decode(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpFormatError('', `not a protobuf ExportTraceServiceRequest (${reason})`, { cause: error });
  }
  return ExportTraceServiceRequest.toObject(message, { longs: String, enums: Number, defaults: false, oneofs: false });
}
