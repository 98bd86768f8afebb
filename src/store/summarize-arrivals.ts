import type { ExportDelay, FoundTrace, TraceSearch } from '../backend/trace-search';
import type { Span } from '../trace/span';
import { exportDelays } from './export-delays';
import { summarizeTrace } from './summarize-trace';

/** A stored trace as the arrival index sees it; `arrivals` as in the store's entries. */
export interface ArrivedTrace {
  readonly spans: ReadonlyMap<string, Span>;
  /** Pairs (arrival ms, span count after that arrival), in arrival order. */
  readonly arrivals: readonly number[];
  /** The last arrival. */
  readonly updatedAt: number;
}

/** What arrived in a window: the traces that got spans, and how late each service's spans came. */
export interface ArrivalWindow {
  /** The earliest arrival in the window first, at most `limit`. */
  readonly traces: readonly FoundTrace[];
  readonly truncated: boolean;
  readonly spansInWindow: number;
  /** Arrival minus end time of the spans that arrived in the window (negative counts as 0). */
  readonly exportDelays: readonly ExportDelay[];
}

export const DEFAULT_SEARCH_LIMIT = 20;

/** Walks the stored traces once; those last updated before the window are skipped unread. */
export function summarizeArrivals(traces: Iterable<ArrivedTrace>, search: TraceSearch): ArrivalWindow {
  const { from, to } = search;
  const limit = search.limit ?? DEFAULT_SEARCH_LIMIT;
  const hits: { spans: Span[]; firstArrival: number }[] = [];
  const delays = new Map<string, number[]>();
  let spansInWindow = 0;
  for (const trace of traces) {
    const arrivals = trace.arrivals;
    if (trace.updatedAt < from || arrivals[0]! > to) continue;
    let spans: Span[] | undefined;
    let firstArrival: number | undefined;
    let start = 0;
    for (let i = 0; i < arrivals.length; i += 2) {
      const at = arrivals[i]!;
      const end = arrivals[i + 1]!;
      if (at > to) break;
      if (at >= from) {
        spans ??= [...trace.spans.values()];
        firstArrival ??= at;
        spansInWindow += end - start;
        for (let k = start; k < end; k++) {
          const span = spans[k]!;
          let list = delays.get(span.service);
          if (!list) delays.set(span.service, (list = []));
          list.push(Math.max(0, at - Number(span.endTimeUnixNano / 1_000_000n)));
        }
      }
      start = end;
    }
    if (spans && firstArrival !== undefined) hits.push({ spans, firstArrival });
  }
  hits.sort((a, b) => a.firstArrival - b.firstArrival);
  return {
    traces: hits.slice(0, limit).map((hit) => summarizeTrace(hit.spans[0]!.traceId, hit.spans)),
    truncated: hits.length > limit,
    spansInWindow,
    exportDelays: exportDelays(delays),
  };
}
