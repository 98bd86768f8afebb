import type { IncomingMessage, ServerResponse } from 'node:http';
import { spansFromOtlpJson } from '../formats/from-otlp-json';
import { spansFromOtlpProto } from '../formats/from-otlp-proto';
import { OtlpFormatError } from '../formats/otlp/otlp-format-error';
import { decompressBody } from './decompress-body';
import { HttpStatusError } from './http-status-error';
import { CONTENT_TYPES, exportResponseBody, rpcStatusBody, type OtlpEncoding } from './otlp-response-body';
import { readRequestBody } from './read-request-body';
import type { ReceiverContext } from './receiver-context';
import { storeExport } from './store-export';

// google.rpc.Code values; OTLP clients do not act on them, people reading a log may.
const RPC_CODES: Readonly<Record<number, number>> = { 400: 3, 404: 5, 405: 12, 413: 8, 415: 3, 500: 13 };

/** Answers `POST /v1/traces` as the OTLP/HTTP specification says. */
export async function handleOtlpHttp(request: IncomingMessage, response: ServerResponse, context: ReceiverContext): Promise<void> {
  let encoding: OtlpEncoding | undefined;
  try {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      throw new HttpStatusError(405, 'method', `${request.method ?? 'This method'} is not allowed on /v1/traces; export with POST`);
    }
    encoding = encodingOf(request.headers['content-type']);
    const raw = await readRequestBody(request, context.maxBodyBytes);
    const body = await decompressBody(raw, request.headers['content-encoding'], context.maxBodyBytes);
    const outcome = storeExport(
      context.store,
      (options) => (encoding === 'json' ? spansFromOtlpJson(body, options) : spansFromOtlpProto(body, options)),
      context.logOnce,
    );
    send(response, 200, exportResponseBody(outcome, encoding), encoding);
  } catch (error) {
    if (request.destroyed && !request.complete) return; // The client went away mid-body; nobody to answer.
    const failure = asHttpError(error, encoding);
    if (failure.status !== 405) {
      context.logOnce(failure.kind, `Answered ${failure.status} to ${request.method ?? ''} ${request.url ?? ''}: ${failure.message}.`);
    }
    if (response.headersSent) return;
    // Read what is left of a refused body (405, 415), so the client gets to read the answer.
    await drain(request);
    const replyEncoding = encoding ?? 'json';
    send(response, failure.status, rpcStatusBody(RPC_CODES[failure.status] ?? 2, failure.message, replyEncoding), replyEncoding);
  }
}

async function drain(request: IncomingMessage): Promise<void> {
  try {
    for await (const _ of request);
  } catch {
    // The client went away; sending will fail quietly.
  }
}

function encodingOf(contentType: string | undefined): OtlpEncoding {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') return 'protobuf';
  if (mediaType === 'application/json') return 'json';
  throw new HttpStatusError(
    415,
    'content-type',
    `Content-Type ${JSON.stringify(contentType ?? '')} is not supported; send application/x-protobuf or application/json`,
  );
}

function asHttpError(error: unknown, encoding: OtlpEncoding | undefined): HttpStatusError {
  if (error instanceof HttpStatusError) return error;
  if (error instanceof OtlpFormatError) {
    const kind = error.path ? `invalid-otlp-${encoding}` : `undecodable-${encoding}`;
    return new HttpStatusError(
      400,
      kind,
      `request body is not a valid OTLP ${encoding === 'json' ? 'JSON' : 'protobuf'} ExportTraceServiceRequest: ${error.detail}`,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new HttpStatusError(500, 'internal', `the receiver failed: ${reason}`, { cause: error });
}

function send(response: ServerResponse, status: number, body: Buffer, encoding: OtlpEncoding): void {
  response.writeHead(status, { 'content-type': CONTENT_TYPES[encoding], 'content-length': body.length });
  response.end(body);
}
