import type { Span } from '../../src/trace/span';
import type { BackendAnswer } from './backend-answer';
import { backendError, traceRequest, unexpectedAnswer } from './backend-answer-error';
import { getBackendJson } from './get-backend-json';
import type { BackendHttpTarget } from './http-target';

/** One version of a backend's trace-by-id API. */
export interface TraceByIdApi<Version extends string> {
  readonly version: Version;
  /** The path before the trace id: `/api/v3/traces`. */
  readonly path: string;
  /** Spans; `[]` while the trace is unknown; `undefined` when the server has no such API. */
  readonly read: (target: BackendHttpTarget, id: string, answer: BackendAnswer) => Span[] | undefined;
  /** What the error says the server answered when this version was chosen and it has none. */
  readonly absent: string;
}

export interface ApiFallbackOptions<Newer extends string> {
  readonly target: BackendHttpTarget;
  /** The adapter's `api` option: `auto` asks the newer API and falls back to v1. */
  readonly api: 'auto' | Newer | 'v1';
  readonly newer: TraceByIdApi<Newer>;
  readonly v1: TraceByIdApi<'v1'>;
  /** For the error when, in `auto`, neither API answered: `like` names the API, `fix` says what to check. */
  readonly neither: { readonly like: string; readonly fix: string };
}

/**
 * A `fetchTrace` that asks the newer API, falls back to v1 when the server has no newer one,
 * and from then on asks only the version that answered.
 */
export function fetchWithApiFallback<Newer extends string>(
  options: ApiFallbackOptions<Newer>,
): (traceId: string, signal: AbortSignal) => Promise<Span[]> {
  const { target, newer, v1, neither } = options;
  let api = options.api;
  return async (traceId, signal) => {
    const id = traceId.toLowerCase();
    const ask = (path: string): Promise<BackendAnswer> =>
      getBackendJson(`${target.baseUrl}${path}/${encodeURIComponent(id)}`, signal, traceRequest(target, id));
    if (api !== 'v1') {
      const answer = await ask(newer.path);
      const spans = newer.read(target, id, answer);
      if (spans !== undefined) {
        api = newer.version;
        return spans;
      }
      if (api === newer.version) throw unexpectedAnswer(target, id, answer, newer.absent);
    }
    const answer = await ask(v1.path);
    const spans = v1.read(target, id, answer);
    if (spans === undefined) {
      throw api === 'auto'
        ? backendError(
            target,
            id,
            `neither ${newer.path} nor ${v1.path} answered like ${neither.like} (HTTP ${answer.status} at ${answer.url})`,
            neither.fix,
          )
        : unexpectedAnswer(target, id, answer, v1.absent);
    }
    api = 'v1';
    return spans;
  };
}
