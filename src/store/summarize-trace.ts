import type { FoundTrace } from '../backend/trace-search';
import type { Span } from '../trace/span';

/** Most top spans kept per trace: a trace of orphans would otherwise be sent whole. */
export const MAX_TOP_SPANS = 20;

const byStart = (a: Span, b: Span): number =>
  a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0;

/**
 * One trace's spans, as a search reports them: the spans whose parent is not among them (the
 * root, or the tops of the pieces of a broken trace; the earliest {@link MAX_TOP_SPANS}), the
 * count and the services.
 */
export function summarizeTrace(traceId: string, spans: Iterable<Span>): FoundTrace {
  const all = [...spans];
  const ids = new Set(all.map((s) => s.spanId));
  const topSpans = all.filter((s) => s.parentSpanId === undefined || !ids.has(s.parentSpanId)).sort(byStart);
  return {
    traceId,
    topSpans: topSpans.slice(0, MAX_TOP_SPANS),
    spanCount: ids.size,
    services: [...new Set(all.map((s) => s.service))].sort(),
  };
}
