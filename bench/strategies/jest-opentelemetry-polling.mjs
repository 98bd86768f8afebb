// jest-opentelemetry's waiting (traceloop/jest-opentelemetry,
// packages/expect-opentelemetry/src/trace-loop: fetch-traces.ts pollForTraceLoopIdMatch with
// pollInterval 1000, maxPollTime 9000; index.ts fetchTraces then awaitAllSpansInTraceTimeout
// 2000): sleep 1 s, fetch, up to 9 times, until the test's entry span is there; then sleep 2 s,
// fetch once more, and assert on that.
// One implementation for both benches: the caller passes how to fetch the trace's spans.
import { sleep } from '../lib/now.mjs';

export const id = 'jest-opentelemetry-polling';
export const label = 'jest-opentelemetry (1 s polling for the entry span, then 2 s sleep)';

const POLL_INTERVAL_MS = 1000;
const MAX_POLL_TIME_MS = 9000;
const AWAIT_ALL_SPANS_MS = 2000;
const MAX_POLLS = Math.floor(MAX_POLL_TIME_MS / POLL_INTERVAL_MS);

export const description =
  `sleep ${POLL_INTERVAL_MS / 1000} s then fetch, up to ${MAX_POLLS} times, until the test's entry span is present; ` +
  `then sleep ${AWAIT_ALL_SPANS_MS / 1000} s and fetch once more; the verdict is on that last fetch`;

/**
 * Polls `fetchSpans()` on jest-opentelemetry's schedule until `isEntrySpan` matches a span
 * (the span carrying the test's marker). Resolves with the spans of the final fetch and the
 * number of fetches.
 */
export async function poll(fetchSpans, { isEntrySpan }) {
  let polls = 0;
  while (polls < MAX_POLLS) {
    await sleep(POLL_INTERVAL_MS);
    polls++;
    if ((await fetchSpans()).some(isEntrySpan)) break;
  }
  await sleep(AWAIT_ALL_SPANS_MS);
  const spans = await fetchSpans();
  return { spans, polls: polls + 1 };
}
