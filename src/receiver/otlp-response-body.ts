import { otlpProtoTypes } from '../formats/otlp/otlp-proto-types';
import type { ExportOutcome } from './store-export';

/** How an OTLP/HTTP request was encoded; its response uses the same. */
export type OtlpEncoding = 'protobuf' | 'json';

export const CONTENT_TYPES: Readonly<Record<OtlpEncoding, string>> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

/** The `ExportTraceServiceResponse` for an outcome; `partial_success` only when spans were rejected. */
export function exportResponseBody(outcome: ExportOutcome, encoding: OtlpEncoding): Buffer {
  const partialSuccess =
    outcome.rejectedSpans > 0 ? { rejectedSpans: outcome.rejectedSpans, errorMessage: outcome.errorMessage ?? '' } : undefined;
  if (encoding === 'json') {
    // proto3 JSON writes int64 as a decimal string.
    const json = partialSuccess ? { partialSuccess: { ...partialSuccess, rejectedSpans: String(partialSuccess.rejectedSpans) } } : {};
    return Buffer.from(JSON.stringify(json));
  }
  const { ExportTraceServiceResponse } = otlpProtoTypes();
  return Buffer.from(
    ExportTraceServiceResponse.encode(ExportTraceServiceResponse.fromObject(partialSuccess ? { partialSuccess } : {})).finish(),
  );
}

/** A `google.rpc.Status` body for an OTLP/HTTP error response. */
export function rpcStatusBody(code: number, message: string, encoding: OtlpEncoding): Buffer {
  if (encoding === 'json') return Buffer.from(JSON.stringify({ code, message }));
  const { Status } = otlpProtoTypes();
  return Buffer.from(Status.encode(Status.fromObject({ code, message })).finish());
}
