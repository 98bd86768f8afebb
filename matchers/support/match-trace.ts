import type { SpanSelector } from '../../src/select/span-query';
import type { Equals } from '../../src/select/span-query';
import type { SnapshotState } from '../../src/report/snapshot-state';
import { isTrace, type Trace } from '../../src/trace/trace';
import { isPendingTrace } from '../../src/wait/pending-trace';
import type { MatcherContext, MatcherResult } from './matcher-context';
import { TraceUsageError } from './trace-usage-error';
import type { TraceVerdict } from './trace-verdict';

export interface TraceMatcher<V extends TraceVerdict> {
  readonly name: string;
  evaluate(trace: Trace): V;
  message(verdict: V, state: SnapshotState): string;
  /** For the runner's diff. */
  actual?(verdict: V): unknown;
  expected?: unknown;
}

/**
 * Runs a trace matcher over a Trace (synchronously) or a pending trace (waiting as long as
 * the verdict needs: until it is final, the trace settles, or the deadline passes).
 */
export function matchTrace<V extends TraceVerdict>(
  context: MatcherContext,
  received: unknown,
  matcher: TraceMatcher<V>,
): MatcherResult | Promise<MatcherResult> {
  const result = (verdict: V, state: SnapshotState): MatcherResult => ({
    pass: verdict.pass,
    message: () => matcher.message(verdict, state),
    ...(matcher.actual ? { actual: matcher.actual(verdict), expected: matcher.expected } : {}),
  });
  if (isTrace(received)) {
    return result(matcher.evaluate(received), { trace: received, timedOut: false });
  }
  if (isPendingTrace(received)) {
    return received.until((trace) => matcher.evaluate(trace).final).then((outcome) =>
      result(matcher.evaluate(outcome.trace), {
        trace: outcome.trace,
        settled: outcome.settled,
        timedOut: outcome.timedOut,
        waitedMs: outcome.waitedMs,
        url: received.url,
      }),
    );
  }
  throw new TraceUsageError(
    context,
    matcher.name,
    'The received value must be a Trace or a pending trace (for example `res.trace` from the http fixture).',
    received,
  );
}

/** The runner's equality, with the user's custom testers, for comparing selector values. */
export function equalsOf(context: MatcherContext): Equals {
  const testers = context.customTesters ?? [];
  return (actual, expected) => context.equals(actual, expected, testers);
}

/** Checks a selector argument before any waiting, so a typo fails at once. */
export function assertSelector(context: MatcherContext, matcherName: string, selector: unknown): asserts selector is SpanSelector {
  if (typeof selector === 'string' || (typeof selector === 'object' && selector !== null && !Array.isArray(selector))) return;
  throw new TraceUsageError(
    context,
    matcherName,
    'The selector must be a string such as \'span[name="charge"]\' or an object such as { service: "payments", name: "charge" }.',
    selector,
    'selector',
  );
}
