import type { TraceBackend } from '../src/backend/trace-backend';
import { describeSearchWindow, type TraceSearch, type TraceSearchAnswer } from '../src/backend/trace-search';
import { spansFromOtlpJson } from '../src/formats/from-otlp-json';
import { isRecord } from '../src/formats/json-fields';
import type { Span } from '../src/trace/span';
import { fetchWithApiFallback } from './support/fetch-with-api-fallback';
import { unexpectedAnswer, unreadableTrace } from './support/backend-answer-error';
import type { BackendAnswer } from './support/backend-answer';
import { foundTraces } from './support/found-traces';
import { getBackendJson } from './support/get-backend-json';
import { httpTarget, type BackendHttpTarget, type HttpBackendOptions } from './support/http-target';
import { searchRequest, unexpectedSearchAnswer } from './support/search-answer-error';

const NAME = 'tempo';

/** Where Tempo's traces are seen in Grafana, for deep links in failure messages. */
export interface GrafanaExploreLink {
  /** Grafana's base URL, e.g. `https://grafana.example.com`. */
  url: string;
  /** The uid of the Tempo data source in that Grafana. */
  datasourceUid: string;
  /** @default 1 */
  orgId?: number;
}

export interface TempoBackendOptions extends HttpBackendOptions {
  /** Sent as `X-Scope-OrgID`, for a multi-tenant Tempo. */
  tenant?: string;
  /**
   * Which trace-by-id API to read: `v2` (`/api/v2/traces/{id}`, Tempo 2.5+) or `v1`
   * (`/api/traces/{id}`). `auto` asks v2 and falls back to v1 when the server has no v2.
   * @default 'auto'
   */
  api?: 'auto' | 'v2' | 'v1';
  /** Enables {@link TraceBackend.traceUrl}: Tempo has no UI of its own. */
  grafana?: GrafanaExploreLink;
}

/**
 * Reads traces from Grafana Tempo's HTTP API (port 3200). Tempo answers OTLP JSON with base64
 * ids. A trace is readable by id as soon as the ingester holds it (tens of milliseconds);
 * TraceQL search lags further behind and is not used here.
 * @example tempoBackend({ url: 'http://127.0.0.1:3200' })
 */
export function tempoBackend(options: TempoBackendOptions): TraceBackend {
  const headers = { ...(options.tenant ? { 'x-scope-orgid': options.tenant } : {}), ...(options.headers ?? {}) };
  const target = httpTarget(NAME, 'Tempo', { ...options, headers }, 3200);
  const grafana = options.grafana;
  const fetchTrace = fetchWithApiFallback({
    target,
    api: options.api ?? 'auto',
    newer: { version: 'v2', path: '/api/v2/traces', read: readV2, absent: 'no v2 trace-by-id API' },
    v1: { version: 'v1', path: '/api/traces', read: readV1, absent: 'an answer that is not a Tempo trace' },
    neither: {
      like: 'Tempo',
      fix: `Is ${target.baseUrl} Tempo's HTTP API (port 3200, not the OTLP receiver or Grafana)?`,
    },
  });
  return {
    name: NAME,
    fetchTrace,
    findTraces: (search, signal) => searchTempo(target, fetchTrace, search, signal),
    traceUrl: (traceId) => (grafana ? grafanaExploreUrl(grafana, traceId.toLowerCase()) : undefined),
  };
}

/** Traces fetched whole at a time, after a search found them. */
const FETCH_CONCURRENCY = 5;

/** `/api/search?start=&end=` (seconds) finds trace ids; each is then fetched whole for its top spans. */
async function searchTempo(
  target: BackendHttpTarget,
  fetchTrace: (traceId: string, signal: AbortSignal) => Promise<Span[]>,
  search: TraceSearch,
  signal: AbortSignal,
): Promise<TraceSearchAnswer> {
  const limit = search.limit ?? 20;
  const window = `start=${Math.floor(search.from / 1000)}&end=${Math.ceil(search.to / 1000)}&limit=${limit}`;
  const answer = await getBackendJson(`${target.baseUrl}/api/search?${window}`, signal, searchRequest(target, search));
  const body = answer.json;
  if (answer.status !== 200 || !isRecord(body) || !(body.traces === undefined || Array.isArray(body.traces))) {
    throw unexpectedSearchAnswer(target, search, answer, 'an answer that is not a Tempo search result');
  }
  // Tempo leaves the leading zeros out of the ids it finds.
  const ids = ((body.traces ?? []) as unknown[])
    .map((t) => (isRecord(t) && typeof t.traceID === 'string' ? t.traceID.toLowerCase().padStart(32, '0') : undefined))
    .filter((id): id is string => id !== undefined);
  const spans: Span[] = [];
  for (let i = 0; i < ids.length; i += FETCH_CONCURRENCY) {
    for (const trace of await Promise.all(ids.slice(i, i + FETCH_CONCURRENCY).map((id) => fetchTrace(id, signal)))) spans.push(...trace);
  }
  return {
    scope: `traces that started ${describeSearchWindow(search)} in Tempo at ${target.baseUrl}`,
    ...foundTraces(spans, limit, ids.length >= limit),
    notChecked: [
      `${NAME}: Tempo records no arrival time, so this searched by trace start time; late exports and whether anything arrived at all were not checked, and spans its search index had not taken in yet were missed`,
    ],
  };
}

/** `{ trace: { resourceSpans } }`; `{ trace: {} }` while unknown; `undefined` when there is no v2 API. */
function readV2(target: BackendHttpTarget, id: string, answer: BackendAnswer): Span[] | undefined {
  const body = answer.json;
  if (answer.status === 404 && body === undefined && !answer.text.includes(id)) return undefined;
  if (answer.status === 404) return [];
  if (answer.status !== 200 || !isRecord(body) || !('trace' in body)) {
    throw unexpectedAnswer(target, id, answer, 'an answer that is not a Tempo trace');
  }
  return convert(target, id, answer, body.trace ?? {});
}

/** `{ batches }`; 404 with an empty body (or "trace not found") while unknown. */
function readV1(target: BackendHttpTarget, id: string, answer: BackendAnswer): Span[] | undefined {
  if (answer.status === 404) {
    if (answer.text.trim() === '' || /trace not found/i.test(answer.text)) return [];
    return undefined;
  }
  const body = answer.json;
  if (answer.status !== 200 || !isRecord(body)) throw unexpectedAnswer(target, id, answer, 'an answer that is not a Tempo trace');
  return convert(target, id, answer, body);
}

function convert(target: BackendHttpTarget, id: string, answer: BackendAnswer, trace: unknown): Span[] {
  try {
    return spansFromOtlpJson(trace);
  } catch (error) {
    throw unreadableTrace(target, id, answer, error);
  }
}

/** Grafana Explore (schema 1) with one TraceQL query for the trace id. */
function grafanaExploreUrl(grafana: GrafanaExploreLink, traceId: string): string {
  const datasource = { type: 'tempo', uid: grafana.datasourceUid };
  const panes = {
    trace: {
      datasource: grafana.datasourceUid,
      queries: [{ refId: 'A', datasource, queryType: 'traceql', query: traceId }],
      range: { from: 'now-1h', to: 'now' },
    },
  };
  const base = grafana.url.replace(/\/+$/, '');
  return `${base}/explore?schemaVersion=1&orgId=${grafana.orgId ?? 1}&panes=${encodeURIComponent(JSON.stringify(panes))}`;
}
