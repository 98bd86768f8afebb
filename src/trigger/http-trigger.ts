import { context } from '@opentelemetry/api';
import { request as undiciRequest } from 'undici';
import { TraceproofError } from '../errors';
import type { PendingTrace } from '../wait/pending-trace';
import { startSyntheticRoot } from './start-root-span';
import { pendingTraceIn, type TraceSession } from './trace-session';

export interface HttpRequestOptions {
  headers?: Record<string, string>;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  body?: string | Uint8Array;
  /** Appended to the URL's query string. */
  query?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
}

/** An HTTP response with its body read, and the trace the request started. */
export interface TracedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The body parsed as JSON; throws with the body in the message when it is not JSON. */
  json<T = unknown>(): T;
  readonly traceId: string;
  /** Await assertions on it: `await expect(res.trace).toHaveSpan(...)`. */
  readonly trace: PendingTrace;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Sends HTTP requests that each start a fresh trace (W3C `traceparent`) and returns it with the response. */
export interface HttpTrigger {
  request(method: Method, url: string | URL, options?: HttpRequestOptions): Promise<TracedResponse>;
  get(url: string | URL, options?: HttpRequestOptions): Promise<TracedResponse>;
  post(url: string | URL, options?: HttpRequestOptions): Promise<TracedResponse>;
  put(url: string | URL, options?: HttpRequestOptions): Promise<TracedResponse>;
  patch(url: string | URL, options?: HttpRequestOptions): Promise<TracedResponse>;
  delete(url: string | URL, options?: HttpRequestOptions): Promise<TracedResponse>;
  head(url: string | URL, options?: HttpRequestOptions): Promise<TracedResponse>;
}

export function createHttpTrigger(session: TraceSession): HttpTrigger {
  const request = (method: Method, url: string | URL, options: HttpRequestOptions = {}): Promise<TracedResponse> =>
    send(session, method, url, options);
  return {
    request,
    get: (url, options) => request('GET', url, options),
    post: (url, options) => request('POST', url, options),
    put: (url, options) => request('PUT', url, options),
    patch: (url, options) => request('PATCH', url, options),
    delete: (url, options) => request('DELETE', url, options),
    head: (url, options) => request('HEAD', url, options),
  };
}

async function send(session: TraceSession, method: Method, target: string | URL, options: HttpRequestOptions): Promise<TracedResponse> {
  const url = new URL(target);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.append(key, String(value));
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const root = startSyntheticRoot();
  root.inject(headers);
  const trace = pendingTraceIn(
    session,
    { traceId: root.traceId, startedAt: Date.now(), method, url: url.href },
    root.syntheticParentId === undefined ? undefined : { rootParentSpanId: root.syntheticParentId },
  );
  let response: Awaited<ReturnType<typeof undiciRequest>>;
  try {
    response = await context.with(root.context, () =>
      undiciRequest(url, { method, headers, body, signal: options.signal ?? session.signal }),
    );
  } catch (error) {
    throw new TraceproofError(
      `${method} ${url.href} failed: ${error instanceof Error ? error.message : String(error)}. Is the service running and listening on ${url.host}? (trace ${root.traceId})`,
      { cause: error },
    );
  }
  const text = await response.body.text();
  const responseHeaders: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.headers)) {
    if (value !== undefined) responseHeaders[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    status: response.statusCode,
    headers: responseHeaders,
    text,
    json<T>(): T {
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        throw new TraceproofError(`The response of ${method} ${url.href} is not JSON: ${text.slice(0, 200)}`, { cause: error });
      }
    },
    traceId: root.traceId,
    trace,
  };
}
