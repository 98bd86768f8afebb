import type { IncomingMessage, ServerResponse } from 'node:http';
import { QUERY_PATH } from '../formats/query-path';
import { spanToWire } from '../formats/wire-span';
import { handleTraceSearch } from './handle-trace-search';
import type { ReceiverContext } from './receiver-context';
import { sendJson } from './send-json';

const TRACE_ID = /^[0-9a-fA-F]{32}$/;
const INTEGER = /^-?\d+$/;

/**
 * The query API that test workers read the receiver through:
 * - `GET /traceproof/v1/traces/{traceId}?afterVersion=N&waitMs=M&spans=false` answers
 *   `{ traceId, version, spans }` (spans as `WireSpan`s, left out with `spans=false`). With
 *   `afterVersion`, it waits up to `waitMs` (cut to `maxWaitMs`) for the version to pass N, then
 *   answers with what it has. An unknown trace is `{ version: 0, spans: [] }`, never a 404.
 * - `GET /traceproof/v1/traces?arrivedFrom=<ms>&arrivedTo=<ms>&limit=N` answers what arrived in
 *   that window of the receiver's clock (epoch ms; `arrivedTo` defaults to now, `limit` to 20, at
 *   most 200): `{ scope, traces: [{ traceId, topSpans, spanCount, services }], truncated,
 *   spansInWindow, exportDelays: [{ service, spans, medianMs, maxMs }], endpoints }`, the earliest
 *   arrival first. `topSpans` (as `WireSpan`s) are each trace's spans whose parent the receiver
 *   does not hold; export delays are arrival minus end time. Bad parameters answer 400.
 * - `GET /traceproof/v1/health` answers `{ status: 'ok', traces, spans }`.
 */
export async function handleQuery(request: IncomingMessage, url: URL, response: ServerResponse, context: ReceiverContext): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendJson(response, 405, { error: `${request.method ?? 'This method'} is not allowed here; use GET` });
  }
  const route = url.pathname.slice(QUERY_PATH.length);
  if (route === '/health') {
    return sendJson(response, 200, { status: 'ok', traces: context.store.traceCount, spans: context.store.spanCount });
  }
  if (route === '/traces' || route === '/traces/') return handleTraceSearch(request, url, response, context);
  if (!route.startsWith('/traces/')) return sendJson(response, 404, { error: `No such query path: ${url.pathname}` });
  const traceId = route.slice('/traces/'.length);
  if (!TRACE_ID.test(traceId))
    return sendJson(response, 400, { error: `Trace id must be 32 hex characters, got ${JSON.stringify(traceId)}` });
  const afterVersion = integerParam(url, 'afterVersion', -1);
  const requestedWaitMs = integerParam(url, 'waitMs', 0);
  if (afterVersion === undefined || requestedWaitMs === undefined || requestedWaitMs < 0) {
    return sendJson(response, 400, { error: 'afterVersion and waitMs must be integers, waitMs not negative' });
  }
  const waitMs = Math.min(requestedWaitMs, context.maxWaitMs);
  const id = traceId.toLowerCase();
  if (waitMs > 0 && context.store.version(id) <= afterVersion) {
    const gone = new AbortController();
    const onClose = (): void => {
      if (!response.writableFinished) gone.abort();
    };
    response.once('close', onClose);
    try {
      await context.store.waitForChange(id, afterVersion, AbortSignal.any([gone.signal, context.closing]), waitMs);
    } catch {
      if (gone.signal.aborted) return;
    } finally {
      response.off('close', onClose);
    }
  }
  const trace = context.store.get(id);
  const withSpans = url.searchParams.get('spans') !== 'false';
  sendJson(response, 200, { traceId: id, version: trace.version, ...(withSpans ? { spans: trace.spans.map(spanToWire) } : {}) });
}

function integerParam(url: URL, name: string, fallback: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  return INTEGER.test(raw) ? Number(raw) : undefined;
}
