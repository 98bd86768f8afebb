// Tracetest's default trace polling, as its server runs it (kubeshop/tracetest, server/):
// - executor/pollingprofile/polling_profile_resource.go: the default profile is periodic with
//   retryDelay 5s and timeout 1m; MaxTracePollRetry = ceil(timeout / retryDelay) = 12.
// - executor/tracepollerworker/starter_worker.go: once the trigger has answered, the starter
//   hands the job straight to the fetcher (no delay): the first poll is immediate.
// - executor/tracepollerworker/common.go, requeue(): only a requeue sleeps retryDelay before the
//   job goes back into the pipeline, so the later polls come every 5 s.
// - executor/tracepollerworker/span_count_polling_stop_strategy.go: done after
//   MaxTracePollRetry requeues, or when the last poll collected no new span, at least one span
//   was collected, and not only the root; a poll that finds no trace keeps what came before.
// One implementation for both benches: the caller passes how to fetch the trace's spans.
import { sleep } from '../lib/now.mjs';

export const id = 'tracetest-polling';
export const label = 'Tracetest default polling (at once, then every 5 s, until the span count is unchanged)';

const RETRY_DELAY_MS = 5000;
const TIMEOUT_MS = 60_000;
const MAX_TRACE_POLL_RETRY = Math.ceil(TIMEOUT_MS / RETRY_DELAY_MS);

export const description =
  `first poll at once (when the trigger has answered), then one every ${RETRY_DELAY_MS / 1000} s; done when a poll found no new span ` +
  `(and more than the root alone), or after ${MAX_TRACE_POLL_RETRY} requeues (timeout ${TIMEOUT_MS / 1000} s); the verdict is on the spans of the last poll`;

/**
 * Polls `fetchSpans()` on Tracetest's schedule. `isRoot(span)` says whether a span is the
 * trace's root (default: it has no parent). Resolves with the spans collected (those of the
 * last poll that found the trace; [] if none did) and the number of polls.
 */
export async function poll(fetchSpans, { isRoot = (span) => span.parentSpanId === undefined } = {}) {
  let spans;
  let collected = 0;
  for (let enqueueCount = 0; ; enqueueCount++) {
    const fetched = await fetchSpans();
    if (fetched.length > 0) {
      collected = fetched.length - (spans?.length ?? 0);
      spans = fetched;
    }
    const polls = enqueueCount + 1;
    if (enqueueCount >= MAX_TRACE_POLL_RETRY) return { spans: spans ?? [], polls };
    if (spans !== undefined) {
      const onlyRoot = spans.length === 1 && isRoot(spans[0]);
      if (collected === 0 && !onlyRoot) return { spans, polls };
    }
    await sleep(RETRY_DELAY_MS);
  }
}
