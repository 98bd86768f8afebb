import type { Span } from '../trace/span';
import { OtlpFormatError } from './otlp/otlp-format-error';
import { otlpToSpans, type OtlpToSpansOptions } from './otlp/otlp-to-spans';

/**
 * Converts an OTLP/JSON `ExportTraceServiceRequest` into spans: parsed, or as JSON text or
 * UTF-8 bytes. Ids may be hex (OTLP/JSON) or base64 (the plain protobuf JSON mapping, Tempo);
 * enums numbers or names; 64-bit integers strings or numbers.
 * @throws OtlpFormatError naming the path of the bad field, e.g.
 *   `resourceSpans[0].scopeSpans[1].spans[3].traceId: expected 32 hex characters or base64 of 16 bytes`.
 * @example spansFromOtlpJson(await response.json())
 */
export function spansFromOtlpJson(body: unknown, options?: OtlpToSpansOptions): Span[] {
  return otlpToSpans(typeof body === 'string' || body instanceof Uint8Array ? parseJson(body) : body, options);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(text: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof text === 'string' ? text : decoder.decode(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpFormatError('', `not valid JSON (${reason})`, { cause: error });
  }
}
