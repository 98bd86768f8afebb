// "Queryable at": a tight prober that starts a fetch of the trace through the adapter every
// PROBE_INTERVAL_MS, without waiting for the previous one (at most MAX_IN_FLIGHT at once), and
// records when the first answer holding every span arrived. Overlapping fetches keep the gaps
// between reads at the interval even when one fetch takes longer than that.
import { now, sleep } from '../lib/now.mjs';

export const PROBE_INTERVAL_MS = 5;
export const MAX_IN_FLIGHT = 4;
const MAX_PROBE_MS = 20_000;
const MAX_PROBES = 4_000;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * Resolves with `queryableAt` (when the first complete answer arrived), `resolutionMs` (from the
 * start of the latest fetch that still answered incomplete to that answer: the trace became
 * readable within that window) and `probes`; or with `error` when it never became complete
 * within the bounds.
 */
export async function probeQueryable(backend, traceId, expectedSpans) {
  const started = now();
  const controller = new AbortController();
  let inFlight = 0;
  let probes = 0;
  let latestIncompleteStart = started;
  let lastError;
  let found;
  let wake;
  const settled = () => new Promise((resolve) => (wake = resolve));

  const probe = async () => {
    const fetchStart = now();
    probes++;
    inFlight++;
    try {
      const spans = await backend.fetchTrace(traceId, AbortSignal.any([controller.signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]));
      const at = now();
      if (found) return;
      if (spans.length >= expectedSpans) found = { queryableAt: at, resolutionMs: at - latestIncompleteStart };
      else latestIncompleteStart = Math.max(latestIncompleteStart, fetchStart);
    } catch (error) {
      if (!found) lastError = error;
    } finally {
      inFlight--;
      wake?.();
    }
  };

  try {
    while (!found && probes < MAX_PROBES && now() - started < MAX_PROBE_MS) {
      if (inFlight < MAX_IN_FLIGHT) {
        const next = now() + PROBE_INTERVAL_MS;
        void probe();
        await Promise.race([sleep(next - now()), settled()]);
        // Keep the 5 ms rhythm: a fetch answering early does not start the next one early.
        if (!found) await sleep(next - now());
      } else {
        await settled();
      }
    }
  } finally {
    controller.abort();
  }
  if (found) return { ...found, probes };
  const why = lastError ? `; last error: ${lastError.message ?? lastError}` : '';
  return { error: `not all ${expectedSpans} spans queryable after ${probes} probes in ${Math.round(now() - started)} ms${why}`, probes };
}
