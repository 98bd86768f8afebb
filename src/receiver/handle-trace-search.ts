import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeSearchWindow } from '../backend/trace-search';
import { spanToWire } from '../formats/wire-span';
import type { ReceiverContext } from './receiver-context';
import { sendJson } from './send-json';

const MAX_LIMIT = 200;
const DEFAULT_LIMIT = 20;
const WHOLE = /^\d+$/;

/**
 * `GET /traceproof/v1/traces?arrivedFrom=<ms>&arrivedTo=<ms>&limit=N`: what arrived in a window
 * of the receiver's clock, as {@link handleQuery} documents.
 */
export function handleTraceSearch(request: IncomingMessage, url: URL, response: ServerResponse, context: ReceiverContext): void {
  const from = wholeParam(url, 'arrivedFrom');
  const to = wholeParam(url, 'arrivedTo') ?? Date.now();
  const limit = wholeParam(url, 'limit') ?? DEFAULT_LIMIT;
  if (from === undefined || Number.isNaN(from) || Number.isNaN(to) || Number.isNaN(limit)) {
    sendJson(response, 400, {
      error: `arrivedFrom (required), arrivedTo and limit must be whole numbers: arrivedFrom and arrivedTo epoch milliseconds, limit 1 to ${MAX_LIMIT}`,
    });
    return;
  }
  if (to < from) {
    sendJson(response, 400, { error: `arrivedTo (${to}) is before arrivedFrom (${from})` });
    return;
  }
  if (limit < 1 || limit > MAX_LIMIT) {
    sendJson(response, 400, { error: `limit must be from 1 to ${MAX_LIMIT}, got ${limit}` });
    return;
  }
  const search = { from, to, limit };
  const found = context.store.arrivedBetween(search);
  sendJson(response, 200, {
    scope: `spans that arrived at the receiver ${describeSearchWindow(search)}`,
    traces: found.traces.map((t) => ({ ...t, topSpans: t.topSpans.map(spanToWire) })),
    truncated: found.truncated,
    spansInWindow: found.spansInWindow,
    exportDelays: found.exportDelays,
    endpoints: [`${httpOrigin(request)} (OTLP/HTTP)`],
  });
}

/** `undefined` when absent, `NaN` when not a whole number. */
function wholeParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  return WHOLE.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : NaN;
}

/** The origin this request reached the receiver at, which is also where OTLP/HTTP is served. */
function httpOrigin(request: IncomingMessage): string {
  const { localAddress, localPort } = request.socket;
  const host = localAddress?.startsWith('::ffff:') ? localAddress.slice('::ffff:'.length) : localAddress;
  return `http://${host?.includes(':') ? `[${host}]` : host}:${localPort}`;
}
