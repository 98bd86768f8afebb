import type { TraceBackend } from '../src/backend/trace-backend';
import { describeSearchWindow, type TraceSearch, type TraceSearchAnswer } from '../src/backend/trace-search';
import { spansFromJaegerJson } from '../src/formats/from-jaeger';
import { spansFromOtlpJson } from '../src/formats/from-otlp-json';
import { isRecord } from '../src/formats/json-fields';
import { createSpan, type Span } from '../src/trace/span';
import { fetchWithApiFallback } from './support/fetch-with-api-fallback';
import { unexpectedAnswer, unreadableTrace } from './support/backend-answer-error';
import type { BackendAnswer } from './support/backend-answer';
import { foundTraces } from './support/found-traces';
import { getBackendJson } from './support/get-backend-json';
import { searchRequest, unexpectedSearchAnswer } from './support/search-answer-error';
import { httpTarget, type BackendHttpTarget, type HttpBackendOptions } from './support/http-target';

const NAME = 'jaeger';
/** Services searched one by one (Jaeger searches per service), in name order. */
const MAX_SEARCHED_SERVICES = 12;

export interface JaegerBackendOptions extends HttpBackendOptions {
  /**
   * Which query API to read. `v3` (`/api/v3/traces/{id}`, OTLP JSON, since Jaeger 1.35) keeps
   * every OpenTelemetry field; `v1` (`/api/traces/{id}`, Jaeger's own JSON) loses link attributes
   * and array attribute types. `auto` asks v3 and falls back to v1 when the server has no v3.
   * @default 'auto'
   */
  api?: 'auto' | 'v3' | 'v1';
}

/**
 * Reads traces from Jaeger's HTTP query API (port 16686). Services send OTLP to Jaeger's
 * collector (4317/4318), not to this URL.
 * @example jaegerBackend({ url: 'http://127.0.0.1:16686' })
 */
export function jaegerBackend(options: JaegerBackendOptions): TraceBackend {
  const target = httpTarget(NAME, 'Jaeger', options, 16686);
  return {
    name: NAME,
    fetchTrace: fetchWithApiFallback({
      target,
      api: options.api ?? 'auto',
      newer: { version: 'v3', path: '/api/v3/traces', read: readV3, absent: 'no v3 query API' },
      v1: { version: 'v1', path: '/api/traces', read: readV1, absent: 'an answer that is not Jaeger JSON' },
      neither: {
        like: "Jaeger's query API",
        fix: `Is ${target.baseUrl} Jaeger's query API (port 16686, not the collector or a UI base path)?`,
      },
    }),
    findTraces: (search, signal) => searchJaeger(target, search, signal),
    traceUrl: (traceId) => `${target.baseUrl}/trace/${traceId.toLowerCase()}`,
  };
}

/** `/api/services`, then `/api/traces?service=…&start=&end=` (microseconds) per service. */
async function searchJaeger(target: BackendHttpTarget, search: TraceSearch, signal: AbortSignal): Promise<TraceSearchAnswer> {
  const request = searchRequest(target, search);
  const listed = await getBackendJson(`${target.baseUrl}/api/services`, signal, request);
  const body = listed.json;
  if (listed.status !== 200 || !isRecord(body) || !(body.data === null || Array.isArray(body.data))) {
    throw unexpectedSearchAnswer(target, search, listed, 'an answer that is not a list of services');
  }
  const services = ((body.data ?? []) as unknown[]).filter((s): s is string => typeof s === 'string').sort();
  const searched = services.slice(0, MAX_SEARCHED_SERVICES);
  const limit = search.limit ?? 20;
  const window = `start=${Math.floor(search.from * 1000)}&end=${Math.ceil(search.to * 1000)}&limit=${limit}`;
  let full = false;
  const answers = await Promise.all(
    searched.map(async (service) => {
      const answer = await getBackendJson(`${target.baseUrl}/api/traces?service=${encodeURIComponent(service)}&${window}`, signal, request);
      if (answer.status !== 200 || !isRecord(answer.json))
        throw unexpectedSearchAnswer(target, search, answer, 'an answer that is not Jaeger JSON');
      if (Array.isArray(answer.json.data) && answer.json.data.length >= limit) full = true;
      try {
        return spansFromJaegerJson(answer.json);
      } catch (error) {
        throw unexpectedSearchAnswer(target, search, answer, `traces in a form this version cannot read (${(error as Error).message})`);
      }
    }),
  );
  const left = services.length - searched.length;
  return {
    scope: `traces with spans that started ${describeSearchWindow(search)} in Jaeger at ${target.baseUrl} (${searched.length} service(s))`,
    ...foundTraces(answers.flat().map(withoutJaegerWarnings), limit, full),
    notChecked: [
      `${NAME}: Jaeger records no arrival time, so this searched by span start time; late exports and whether anything arrived at all were not checked`,
      ...(left > 0 ? [`${NAME}: ${left} more service(s) not searched: ${services.slice(MAX_SEARCHED_SERVICES).join(', ')}`] : []),
    ],
  };
}

/**
 * Spans from a v3 answer; `[]` for "no traces found"; `undefined` when the answer does not
 * come from a v3 API at all (an older Jaeger answers 404 or its UI's HTML).
 */
function readV3(target: BackendHttpTarget, id: string, answer: BackendAnswer): Span[] | undefined {
  const body = answer.json;
  if (isRecord(body) && isRecord(body.error)) {
    if (answer.status === 404 || body.error.httpCode === 404) return [];
    throw unexpectedAnswer(target, id, answer, `error "${String(body.error.message)}"`);
  }
  if (answer.status >= 500) throw unexpectedAnswer(target, id, answer);
  if (answer.status === 200 && isRecord(body) && isRecord(body.result)) {
    try {
      return spansFromOtlpJson(body.result).map(withoutJaegerWarnings);
    } catch (error) {
      throw unreadableTrace(target, id, answer, error);
    }
  }
  if (answer.status === 404 || (answer.status === 200 && /^\s*</.test(answer.text))) return undefined;
  throw unexpectedAnswer(target, id, answer, 'an answer that is not a v3 trace');
}

/** Spans from a v1 answer; `[]` for "trace not found"; `undefined` when it is not Jaeger JSON. */
function readV1(target: BackendHttpTarget, id: string, answer: BackendAnswer): Span[] | undefined {
  const body = answer.json;
  if (!isRecord(body) || !('data' in body)) {
    if (answer.status >= 500 || body !== undefined) throw unexpectedAnswer(target, id, answer, 'an answer that is not Jaeger JSON');
    return undefined;
  }
  if (answer.status === 404) return [];
  if (answer.status !== 200) {
    const errors = Array.isArray(body.errors) ? body.errors.map((e) => (isRecord(e) ? String(e.msg) : String(e))).join('; ') : '';
    throw unexpectedAnswer(target, id, answer, errors ? `errors "${errors}"` : undefined);
  }
  try {
    return spansFromJaegerJson(body);
  } catch (error) {
    throw unreadableTrace(target, id, answer, error);
  }
}

/**
 * Jaeger's query service notes its own adjustments on a span as an attribute (e.g. "parent span
 * ID=… is not in the trace; skipping clock skew adjustment", whenever the trace's root was
 * started by an untraced caller such as a test). It is not the service's data: it goes.
 */
function withoutJaegerWarnings(span: Span): Span {
  if (!(JAEGER_WARNINGS in span.attributes)) return span;
  const { [JAEGER_WARNINGS]: _warnings, ...attributes } = span.attributes;
  return createSpan({ ...span, attributes: Object.freeze(attributes) });
}

const JAEGER_WARNINGS = '@jaeger@warnings';
