import { fetch, type Dispatcher } from 'undici';
import { timeoutSignal } from '../../src/util/timeout-signal';
import type { BackendAnswer } from './backend-answer';

/** How to ask a backend, and what to throw when it does not answer. */
export interface BackendJsonRequest {
  /** Sent besides `accept: application/json`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Time limit of the request, in milliseconds; the caller's signal still applies. */
  readonly timeoutMs: number;
  /**
   * The connection pool to send through, so that its owner can close open long-polls; undici's
   * global dispatcher otherwise.
   */
  readonly dispatcher?: Dispatcher;
  /**
   * The error for a request that got no answer. `why` words the failure for a person:
   * `connection refused`, `host not found`, `no answer within 5000 ms`.
   */
  readonly unreachable: (why: string, cause: unknown) => Error;
}

/**
 * GETs `url` from a backend and reads the body, whatever its status. Every failure to get an
 * answer (down, refused, timed out) becomes the request's `unreachable` error; an abort by the
 * caller rejects with the signal's reason.
 * @example await getBackendJson(`${base}/api/v2/trace/${id}`, signal, { timeoutMs: 10_000, unreachable })
 */
export async function getBackendJson(url: string, signal: AbortSignal, request: BackendJsonRequest): Promise<BackendAnswer> {
  signal.throwIfAborted();
  const limit = timeoutSignal(signal, request.timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...request.headers },
      signal: limit.signal,
      ...(request.dispatcher ? { dispatcher: request.dispatcher } : {}),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw request.unreachable(limit.signal.aborted ? `no answer within ${request.timeoutMs} ms` : describeConnectionFailure(error), error);
  } finally {
    limit.dispose();
  }
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status, url, text, json };
}

const CONNECTION_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

/**
 * The first error code down the cause chain, in words; without one, the innermost message
 * (fetch wraps every failure in `TypeError: fetch failed`, which says nothing).
 */
function describeConnectionFailure(error: unknown): string {
  let innermost = error;
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return CONNECTION_CODES[code] ?? code;
    innermost = e;
  }
  return innermost instanceof Error ? innermost.message : String(innermost);
}
