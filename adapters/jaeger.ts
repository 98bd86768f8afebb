import type { TraceBackend } from '../src/backend/trace-backend';
import { spansFromJaegerJson } from '../src/formats/from-jaeger';
import { spansFromOtlpJson } from '../src/formats/from-otlp-json';
import { isRecord } from '../src/formats/json-fields';
import { createSpan, type Span } from '../src/trace/span';
import { fetchWithApiFallback } from './support/fetch-with-api-fallback';
import { unexpectedAnswer, unreadableTrace } from './support/backend-answer-error';
import type { BackendAnswer } from './support/backend-answer';
import { httpTarget, type BackendHttpTarget, type HttpBackendOptions } from './support/http-target';

const NAME = 'jaeger';

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
    traceUrl: (traceId) => `${target.baseUrl}/trace/${traceId.toLowerCase()}`,
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
