import type { FoundTrace } from '../backend/trace-search';
import type { Span } from '../trace/span';
import type { Trace } from '../trace/trace';
import { httpRequestOfSpan, matchHttpRequest } from './http-request-of-span';

/** An outbound call of the trace whose callee started a trace of its own. */
export interface BrokenCall {
  readonly caller: Span;
  readonly callee: Span;
  readonly trace: FoundTrace;
}

/** How far a callee's span may start outside its caller's call: clocks of other processes. */
const CLOCK_SLACK_NS = 50_000_000n;

/**
 * Childless client and producer spans of `arrived` answered by the root span of another trace:
 * a server (or consumer) span without a parent, starting while the call was open and, when the
 * call names its URL, serving that path.
 */
export function findBrokenCalls(arrived: Trace, traces: readonly FoundTrace[]): BrokenCall[] {
  const calls = arrived.spans.filter((s) => (s.kind === 'client' || s.kind === 'producer') && arrived.childrenOf(s).length === 0);
  const broken: BrokenCall[] = [];
  const used = new Set<string>();
  for (const caller of calls) {
    const request = httpRequestOfSpan(caller);
    const path = request.paths[0];
    const calleeKind = caller.kind === 'client' ? 'server' : 'consumer';
    let best: BrokenCall | undefined;
    for (const trace of traces) {
      if (trace.traceId === arrived.traceId || used.has(trace.traceId)) continue;
      for (const callee of trace.topSpans) {
        if (callee.parentSpanId !== undefined || callee.kind !== calleeKind) continue;
        const start = callee.startTimeUnixNano;
        if (start < caller.startTimeUnixNano - CLOCK_SLACK_NS || start > caller.endTimeUnixNano + CLOCK_SLACK_NS) continue;
        if (path !== undefined && !matchHttpRequest(httpRequestOfSpan(callee), request.method, path)) continue;
        if (!best || distance(callee, caller) < distance(best.callee, caller)) best = { caller, callee, trace };
      }
    }
    if (best) {
      used.add(best.trace.traceId);
      broken.push(best);
    }
  }
  return broken;
}

function distance(callee: Span, caller: Span): bigint {
  const d = callee.startTimeUnixNano - caller.startTimeUnixNano;
  return d < 0n ? -d : d;
}
