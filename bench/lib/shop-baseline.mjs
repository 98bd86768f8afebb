// A baseline strategy (bench/strategies/tracetest-polling.mjs, jest-opentelemetry-polling.mjs)
// as the shop bench runs it: the schedule polls the trace through the same backend traceproof
// reads (the receiver's query API, via res.trace.backend), then the bench's assertions run on
// exactly the spans the schedule's last fetch returned.
import { Trace } from 'traceproof';
import { now } from './now.mjs';

const FETCH_TIMEOUT_MS = 10_000;

/** The entry span of a shop request: the gateway's server span (child of the trigger's). */
const isEntrySpan = (span) => span.service === 'gateway' && span.kind === 'server';

export function shopBaseline(baseline) {
  return {
    id: baseline.id,
    description: baseline.description,
    async verdicts({ res, expect }) {
      const triggerSpanId = res.trace.options.rootParentSpanId;
      const fetchSpans = () => res.trace.backend.fetchTrace(res.traceId, AbortSignal.timeout(FETCH_TIMEOUT_MS));
      // Tracetest's root: a span without a parent; here the trigger's span is never exported.
      const isRoot = (span) => span.parentSpanId === undefined || span.parentSpanId === triggerSpanId;
      const { spans } = await baseline.poll(fetchSpans, { isRoot, isEntrySpan });
      const snapshot = new Trace(spans, { traceId: res.traceId, triggerSpanId });
      await expect(snapshot).toHaveSpan('span[name="INSERT orders"]');
      await expect(snapshot).not.toHaveErrors();
      await expect(snapshot).toHaveSpanCount(12);
      const at = now();
      return { positiveAt: at, settledAt: at, spansSeen: snapshot.size };
    },
  };
}
