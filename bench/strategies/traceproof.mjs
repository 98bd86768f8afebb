// traceproof's own waiting: the matchers over a PendingTrace. A positive assertion resolves
// when the span it needs has arrived; a negative one when the trace has settled (root ended,
// parents present, every outgoing call answered, then completeness proven from the run's
// evidence, else no new span for the quiet window).
import { getConfig } from 'traceproof';
import { now } from '../lib/now.mjs';

export const id = 'traceproof';
export const description =
  'matchers over a pending trace (long-poll; settled = root ended, parents present, every outgoing call answered, then ' +
  "completeness proven: 3× (at least 20 ms) the longest export delay seen in the run from the trace's services has passed since " +
  `its last span ended, when that is shorter than the quiet window; else the quiet window, ${getConfig().quietWindow}); ` +
  '`settleOnEvidence: true`, an experimental opt-in';
/** Overrides for the test session each request of this strategy triggers through. */
export const session = { settleOnEvidence: true };

/** Runs both bench assertions on one triggered trace, each timed on its own. */
export async function verdicts({ res, expect }) {
  const positive = (async () => {
    await expect(res.trace).toHaveSpan('span[name="INSERT orders"]');
    return now();
  })();
  const settled = (async () => {
    await expect(res.trace).not.toHaveErrors();
    await expect(res.trace).toHaveSpanCount(12);
    return now();
  })();
  const [positiveAt, settledAt] = await Promise.all([positive, settled]);
  const trace = await res.trace.snapshot();
  return { positiveAt, settledAt, spansSeen: trace.size };
}
