import type { TraceBackend } from '../src/backend/trace-backend';
import { describeSearchWindow, type TraceSearch, type TraceSearchAnswer } from '../src/backend/trace-search';
import type { Span } from '../src/trace/span';
import { spansFromZipkinJson, ZIPKIN_LIMITS } from '../src/formats/from-zipkin';
import { traceRequest, unexpectedAnswer, unreadableTrace } from './support/backend-answer-error';
import { foundTraces } from './support/found-traces';
import { getBackendJson } from './support/get-backend-json';
import { httpTarget, type BackendHttpTarget, type HttpBackendOptions } from './support/http-target';
import { searchRequest, unexpectedSearchAnswer } from './support/search-answer-error';

const NAME = 'zipkin';

export type ZipkinBackendOptions = HttpBackendOptions;

export interface ZipkinBackend extends TraceBackend {
  /**
   * What Zipkin's model loses. Zipkin lower-cases span and service names on ingest, so a
   * converted trace holds `get /users`, not `GET /users`; selectors still find it as written,
   * since this backend sets `foldsNameCase` and names are then compared regardless of case.
   * Attribute values are strings, and there are no span links.
   */
  readonly limits: typeof ZIPKIN_LIMITS;
}

/**
 * Reads traces from Zipkin's v2 HTTP API (`GET /api/v2/trace/{id}`). Services send spans
 * with a Zipkin exporter (Zipkin has no OTLP receiver of its own).
 * @example zipkinBackend({ url: 'http://127.0.0.1:9411' })
 */
export function zipkinBackend(options: ZipkinBackendOptions): ZipkinBackend {
  const target = httpTarget(NAME, 'Zipkin', options, 9411);
  return {
    name: NAME,
    limits: ZIPKIN_LIMITS,
    foldsNameCase: ZIPKIN_LIMITS.lowerCasesNames,
    async fetchTrace(traceId: string, signal: AbortSignal): Promise<Span[]> {
      const id = traceId.toLowerCase();
      const answer = await getBackendJson(`${target.baseUrl}/api/v2/trace/${encodeURIComponent(id)}`, signal, traceRequest(target, id));
      // Zipkin answers a trace it does not have (yet) with 404 "<id> not found"; a 404 that does
      // not name the trace comes from a wrong path or another server, and is an error.
      if (answer.status === 404 && (answer.text.includes(id) || /trace not found/i.test(answer.text))) return [];
      if (answer.status !== 200 || !Array.isArray(answer.json)) {
        throw unexpectedAnswer(target, id, answer, 'an answer that is not a list of spans');
      }
      try {
        return spansFromZipkinJson(answer.json);
      } catch (error) {
        throw unreadableTrace(target, id, answer, error);
      }
    },
    findTraces: (search, signal) => searchZipkin(target, search, signal),
    traceUrl: (traceId) => `${target.baseUrl}/zipkin/traces/${traceId.toLowerCase()}`,
  };
}

/** `/api/v2/traces?endTs=&lookback=` (milliseconds): whole traces, as lists of spans. */
async function searchZipkin(target: BackendHttpTarget, search: TraceSearch, signal: AbortSignal): Promise<TraceSearchAnswer> {
  const limit = search.limit ?? 20;
  const endTs = Math.ceil(search.to);
  const lookback = Math.max(1, endTs - Math.floor(search.from));
  const answer = await getBackendJson(
    `${target.baseUrl}/api/v2/traces?endTs=${endTs}&lookback=${lookback}&limit=${limit}`,
    signal,
    searchRequest(target, search),
  );
  if (answer.status !== 200 || !Array.isArray(answer.json)) {
    throw unexpectedSearchAnswer(target, search, answer, 'an answer that is not a list of traces');
  }
  let spans: Span[];
  try {
    spans = answer.json.flatMap((trace: unknown) => spansFromZipkinJson(trace));
  } catch (error) {
    throw unexpectedSearchAnswer(target, search, answer, `traces in a form this version cannot read (${(error as Error).message})`);
  }
  return {
    scope: `traces with spans that started ${describeSearchWindow(search)} in Zipkin at ${target.baseUrl}`,
    ...foundTraces(spans, limit, answer.json.length >= limit),
    notChecked: [
      `${NAME}: Zipkin records no arrival time, so this searched by span start time; late exports and whether anything arrived at all were not checked`,
    ],
  };
}
