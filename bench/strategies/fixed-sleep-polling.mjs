// jest-opentelemetry's strategy (packages/expect-opentelemetry/src/trace-loop: pollInterval
// 1000 ms, maxPollTime 9000 ms, awaitAllSpansInTraceTimeout 2000 ms): sleep 1 s, poll for the
// test's entry span (it carries the marker header), up to 9 times; once found, sleep 2 s, fetch
// once more, and assert on that.
import { fetchStoredSpans } from '../lib/fetch-stored-spans.mjs';
import { now, sleep } from '../lib/now.mjs';

export const name = 'fixed-sleep-polling';
export const description = 'jest-opentelemetry: poll every 1 s (up to 9 s) for the entry span, then sleep 2 s';

const POLL_INTERVAL_MS = 1000;
const MAX_POLL_TIME_MS = 9000;
const AWAIT_ALL_SPANS_MS = 2000;

export async function verdicts({ res, queryUrl, expect }) {
  for (let polls = Math.floor(MAX_POLL_TIME_MS / POLL_INTERVAL_MS); polls > 0; polls--) {
    await sleep(POLL_INTERVAL_MS);
    const spans = await fetchStoredSpans(queryUrl, res.traceId);
    // The entry span is the one whose parent is the trigger's (never exported) span.
    if (spans.some((s) => s.service === 'gateway' && s.kind === 'server')) break;
  }
  await sleep(AWAIT_ALL_SPANS_MS);
  const snapshot = await res.trace.snapshot();
  await expect(snapshot).toHaveSpan('span[name="INSERT orders"]');
  await expect(snapshot).not.toHaveErrors();
  await expect(snapshot).toHaveSpanCount(12);
  const at = now();
  return { positiveAt: at, settledAt: at, spansSeen: snapshot.size };
}
