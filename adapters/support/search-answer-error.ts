import { describeSearchWindow, type TraceSearch } from '../../src/backend/trace-search';
import { BackendError } from '../../src/errors';
import type { BackendAnswer } from './backend-answer';
import type { BackendJsonRequest } from './get-backend-json';
import type { BackendHttpTarget } from './http-target';

/** How an HTTP adapter asks `target` to search a window, and the error when it does not answer. */
export function searchRequest(target: BackendHttpTarget, search: TraceSearch): BackendJsonRequest {
  return {
    headers: target.headers,
    timeoutMs: target.timeoutMs,
    unreachable: (why, cause) => searchError(target, search, why, `Is ${target.product} running and reachable?`, cause),
  };
}

/** The error for a search answer that is not what the API sends: an HTTP error, HTML, another shape. */
export function unexpectedSearchAnswer(target: BackendHttpTarget, search: TraceSearch, answer: BackendAnswer, what: string): BackendError {
  const flat = answer.text.replace(/\s+/g, ' ').trim();
  const snippet = flat ? `: ${JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat)}` : '';
  return searchError(
    target,
    search,
    `HTTP ${answer.status} with ${what} at ${answer.url}${snippet}`,
    `Is ${target.baseUrl} the ${target.product} query API?`,
  );
}

export function searchError(target: BackendHttpTarget, search: TraceSearch, why: string, fix: string, cause?: unknown): BackendError {
  return new BackendError(
    target.backend,
    `Could not search ${target.baseUrl} for traces ${describeSearchWindow(search)}: ${why}. ${fix}`,
    cause === undefined ? undefined : { cause },
  );
}
