import type { Span, Trace } from 'traceproof';

/** Set by `scripts/backends/start.sh hotrod`; the defaults are that script's ports. */
export const HOTROD_URL = process.env.TRACEPROOF_HOTROD_URL ?? 'http://127.0.0.1:18080';
export const JAEGER_URL = process.env.TRACEPROOF_JAEGER_URL ?? 'http://127.0.0.1:16686';

/** HotROD's services, by the `service.name` each exports (the Redis client is `redis-manual`). */
export const SERVICES = ['frontend', 'customer', 'mysql', 'driver', 'redis-manual', 'route'] as const;

/** The URL of one ride request; `nonse` keeps any cache out of the way. */
export const dispatchUrl = (customer: number): string => `${HOTROD_URL}/dispatch?customer=${customer}&nonse=${Math.random()}`;

/** One step of the critical path: the span, and the part of its time no child accounts for. */
export interface CriticalStep {
  readonly span: Span;
  readonly selfMs: number;
}

const ms = (ns: bigint): number => Number(ns) / 1e6;

/**
 * The critical path of `span` (as Jaeger's UI draws it): walking back from the span's end, the
 * child that finished last before the cursor is on the path, recursively; the gaps between such
 * children are the span's own time. The steps' `selfMs` add up to the span's duration.
 */
export function criticalPath(trace: Trace, span: Span, end = span.endTimeUnixNano): CriticalStep[] {
  const steps: CriticalStep[] = [];
  let cursor = end < span.endTimeUnixNano ? end : span.endTimeUnixNano;
  let self = 0n;
  const children = [...trace.childrenOf(span)].sort((a, b) => (a.endTimeUnixNano > b.endTimeUnixNano ? -1 : 1));
  for (const child of children) {
    if (child.endTimeUnixNano <= span.startTimeUnixNano || child.startTimeUnixNano >= cursor) continue;
    const childEnd = child.endTimeUnixNano < cursor ? child.endTimeUnixNano : cursor;
    self += cursor - childEnd;
    steps.push(...criticalPath(trace, child, childEnd));
    cursor = child.startTimeUnixNano > span.startTimeUnixNano ? child.startTimeUnixNano : span.startTimeUnixNano;
  }
  self += cursor - span.startTimeUnixNano;
  steps.push({ span, selfMs: ms(self) });
  return steps;
}
