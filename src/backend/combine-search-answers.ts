import type { FoundTrace, TraceSearchAnswer } from './trace-search';

/**
 * One answer from the answers of several backends: traces merged by id, counts summed where
 * every part counted, and each part kept in `parts` with its own counts and endpoints.
 */
export function combineSearchAnswers(
  parts: readonly (TraceSearchAnswer & { readonly backend: string })[],
  notChecked: readonly string[],
  limit: number,
): TraceSearchAnswer {
  const byId = new Map<string, FoundTrace>();
  for (const part of parts) {
    for (const trace of part.traces) {
      const known = byId.get(trace.traceId);
      byId.set(trace.traceId, known ? mergeFound(known, trace) : trace);
    }
  }
  const counted = parts.every((p) => p.spansInWindow !== undefined);
  const traces = [...byId.values()];
  return {
    scope: parts.map((p) => p.scope).join('; '),
    traces: traces.slice(0, limit),
    truncated: traces.length > limit || parts.some((p) => p.truncated),
    spansInWindow: counted && parts.length > 0 ? parts.reduce((sum, p) => sum + p.spansInWindow!, 0) : undefined,
    exportDelays: parts.flatMap((p) => p.exportDelays ?? []),
    endpoints: parts.flatMap((p) => p.endpoints ?? []),
    notChecked: [...notChecked, ...parts.flatMap((p) => p.notChecked ?? [])],
    parts,
  };
}

/** The same trace seen by two backends: a top span of one may have its parent in the other. */
function mergeFound(a: FoundTrace, b: FoundTrace): FoundTrace {
  const ids = new Set(a.topSpans.map((s) => s.spanId));
  const all = [...a.topSpans, ...b.topSpans.filter((s) => !ids.has(s.spanId))];
  const held = new Set(all.map((s) => s.spanId));
  return {
    traceId: a.traceId,
    topSpans: all.filter((s) => s.parentSpanId === undefined || !held.has(s.parentSpanId)),
    spanCount: a.spanCount + b.spanCount,
    services: [...new Set([...a.services, ...b.services])].sort(),
  };
}
