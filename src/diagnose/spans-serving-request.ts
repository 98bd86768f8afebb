import type { FoundTrace } from '../backend/trace-search';
import type { Span } from '../trace/span';
import { httpRequestOfSpan, matchHttpRequest, pathOf } from './http-request-of-span';
import type { TriggerFacts } from './trigger-facts';

/** A top span of another trace that served the same HTTP request as the trigger sent. */
export interface ServingSpan {
  readonly trace: FoundTrace;
  readonly span: Span;
  /** `path`: it names the very path requested; `route`: the path fits its route (another request to it may). */
  readonly by: 'path' | 'route';
}

/** How much earlier than the trigger's start a span may start: another process's clock. */
const CLOCK_SLACK_MS = 200;

/**
 * Top spans of traces other than the trigger's that received a request like it (same method,
 * a path that fits), started no earlier than the trigger (less some slack). Best first: those
 * naming the very path, then those starting after the trigger, then the earliest.
 */
export function spansServingRequest(traces: readonly FoundTrace[], facts: TriggerFacts): ServingSpan[] {
  if (pathOf(facts.url) === undefined) return [];
  const triggered = BigInt(Math.floor(facts.startedAt)) * 1_000_000n;
  const earliest = triggered - BigInt(CLOCK_SLACK_MS) * 1_000_000n;
  const found: ServingSpan[] = [];
  for (const trace of traces) {
    if (trace.traceId === facts.traceId) continue;
    for (const span of trace.topSpans) {
      if (span.startTimeUnixNano < earliest) continue;
      const by = servesRequest(span, facts);
      if (by) found.push({ trace, span, by });
    }
  }
  const rank = (s: ServingSpan): number => (s.by === 'path' ? 0 : 2) + (s.span.startTimeUnixNano >= triggered ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || (a.span.startTimeUnixNano < b.span.startTimeUnixNano ? -1 : 1));
}

/** Whether (and how) a span received a request like the trigger's, rather than sending one. */
export function servesRequest(span: Span, facts: TriggerFacts): 'path' | 'route' | undefined {
  const path = pathOf(facts.url);
  if (path === undefined || span.kind === 'client' || span.kind === 'producer') return undefined;
  return matchHttpRequest(httpRequestOfSpan(span), facts.method, path);
}
