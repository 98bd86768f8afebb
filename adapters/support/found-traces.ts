import type { FoundTrace } from '../../src/backend/trace-search';
import { summarizeTrace } from '../../src/store/summarize-trace';
import type { Span } from '../../src/trace/span';

/**
 * The traces of spans a search answered (several answers may hold the same trace), the
 * earliest-starting first, at most `limit`. `filled`: the backend sent as many as it was asked
 * for, so it may have held more.
 */
export function foundTraces(spans: Iterable<Span>, limit: number, filled = false): { traces: FoundTrace[]; truncated: boolean } {
  const byTrace = new Map<string, Map<string, Span>>();
  for (const span of spans) {
    let trace = byTrace.get(span.traceId);
    if (!trace) byTrace.set(span.traceId, (trace = new Map()));
    if (!trace.has(span.spanId)) trace.set(span.spanId, span);
  }
  const traces = [...byTrace].map(([traceId, trace]) => summarizeTrace(traceId, trace.values()));
  const start = (t: FoundTrace): bigint => t.topSpans[0]?.startTimeUnixNano ?? 0n;
  traces.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0));
  return { traces: traces.slice(0, limit), truncated: filled || traces.length > limit };
}
