// Tracetest's default polling profile, as its server implements it
// (server/executor/pollingprofile: retryDelay 5s, timeout 1m;
// tracepollerworker/span_count_polling_stop_strategy.go): poll every 5 s; done when a poll
// found no new span, at least one span was collected, and not only the root; give up after
// ceil(timeout / retryDelay) polls. Then assert on what was collected.
import { fetchStoredSpans } from '../lib/fetch-stored-spans.mjs';
import { now, sleep } from '../lib/now.mjs';

export const name = 'tracetest-polling';
export const description = "Tracetest's default: poll every 5 s until the span count stops changing, timeout 1 min";

const RETRY_DELAY_MS = 5000;
const TIMEOUT_MS = 60_000;

export async function verdicts({ res, queryUrl, expect }) {
  const maxPolls = Math.ceil(TIMEOUT_MS / RETRY_DELAY_MS);
  let previous = 0;
  let spans = [];
  for (let poll = 1; poll <= maxPolls; poll++) {
    await sleep(RETRY_DELAY_MS);
    spans = await fetchStoredSpans(queryUrl, res.traceId);
    const collected = spans.length - previous;
    previous = spans.length;
    const onlyRoot = spans.length === 1 && spans[0].parentSpanId === undefined;
    if (collected === 0 && spans.length > 0 && !onlyRoot) break;
  }
  const snapshot = await res.trace.snapshot();
  await expect(snapshot).toHaveSpan('span[name="INSERT orders"]');
  await expect(snapshot).not.toHaveErrors();
  await expect(snapshot).toHaveSpanCount(12);
  const at = now();
  return { positiveAt: at, settledAt: at, spansSeen: snapshot.size };
}
