import type { BackendHttpTarget } from './http-target';
import { backendError } from './backend-answer-error';
import { timeoutSignal } from '../../src/util/timeout-signal';

/** One HTTP answer whose body was read; `json` is `undefined` when the body is not JSON. */
export interface BackendAnswer {
  readonly status: number;
  readonly url: string;
  readonly text: string;
  readonly json: unknown;
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
 * GETs `path` from a backend's query API and reads the body. Every failure to get an answer
 * (down, timed out, refused) becomes a {@link BackendError} that names the backend, the URL, the
 * cause and a fix; an abort by the caller rejects with the signal's reason.
 */
export async function getBackendJson(
  target: BackendHttpTarget,
  path: string,
  traceId: string,
  signal: AbortSignal,
): Promise<BackendAnswer> {
  signal.throwIfAborted();
  const url = target.baseUrl + path;
  const limit = timeoutSignal(signal, target.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...target.headers }, signal: limit.signal });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const why = limit.signal.aborted ? `no answer within ${target.timeoutMs} ms` : describeNetworkError(error);
    throw backendError(target, traceId, why, `Is ${target.product} running and reachable?`, error);
  } finally {
    limit.dispose();
  }
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, url, text, json };
}

function describeNetworkError(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return CONNECTION_CODES[code] ?? code;
  }
  return error instanceof Error ? error.message : String(error);
}
