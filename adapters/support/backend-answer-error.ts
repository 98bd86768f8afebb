import { BackendError } from '../../src/errors';
import type { BackendAnswer } from './backend-answer';
import type { BackendJsonRequest } from './get-backend-json';
import type { BackendHttpTarget } from './http-target';

/**
 * How an HTTP adapter asks `target` for one trace: with its headers and time limit, and naming
 * the backend, the URL, the cause and a fix when it does not answer.
 */
export function traceRequest(target: BackendHttpTarget, traceId: string): BackendJsonRequest {
  return {
    headers: target.headers,
    timeoutMs: target.timeoutMs,
    unreachable: (why, cause) => backendError(target, traceId, why, `Is ${target.product} running and reachable?`, cause),
  };
}

/**
 * The error for an answer that is not a trace: an HTTP error, HTML from a wrong URL, a body
 * that is not JSON or not the expected shape.
 */
export function unexpectedAnswer(target: BackendHttpTarget, traceId: string, answer: BackendAnswer, what?: string): BackendError {
  const snippet = preview(answer.text);
  let why: string;
  let fix: string;
  if (answer.status === 401 || answer.status === 403) {
    why = `HTTP ${answer.status} at ${answer.url}${snippet}`;
    fix = 'Pass the credentials it needs with the adapter option `headers`, e.g. { authorization: "Bearer …" }.';
  } else if (answer.status >= 500) {
    why = `HTTP ${answer.status} at ${answer.url}${snippet}`;
    fix = `${target.product} is failing; its log says why.`;
  } else if (/^\s*</.test(answer.text)) {
    why = `HTTP ${answer.status} with HTML instead of JSON at ${answer.url}${snippet}`;
    fix = `Is ${target.baseUrl} the ${target.product} query API (not its UI path, a proxy or another server)?`;
  } else if (answer.json === undefined) {
    why = `HTTP ${answer.status} with a body that is not JSON at ${answer.url}${snippet}`;
    fix = `Is ${target.baseUrl} the ${target.product} query API?`;
  } else {
    why = `HTTP ${answer.status} with ${what ?? 'an unexpected answer'} at ${answer.url}${snippet}`;
    fix = `Is ${target.baseUrl} the ${target.product} query API?`;
  }
  return backendError(target, traceId, why, fix);
}

/** The error for a body that parsed but could not be converted into spans. */
export function unreadableTrace(target: BackendHttpTarget, traceId: string, answer: BackendAnswer, cause: unknown): BackendError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return backendError(
    target,
    traceId,
    `the answer from ${answer.url} is not a trace in the expected format (${reason})${preview(answer.text)}`,
    `Is ${target.baseUrl} the ${target.product} query API?`,
    cause,
  );
}

export function backendError(target: BackendHttpTarget, traceId: string, why: string, fix: string, cause?: unknown): BackendError {
  return new BackendError(
    target.backend,
    `Could not fetch trace ${traceId} from ${target.baseUrl}: ${why}. ${fix} Set TRACEPROOF_BACKEND=${target.specExample}`,
    cause === undefined ? undefined : { cause },
  );
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  return `: ${JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat)}`;
}
