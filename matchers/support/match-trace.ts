import type { SpanSelector } from '../../src/select/span-query';
import type { Equals } from '../../src/select/span-query';
import type { SnapshotState } from '../../src/report/snapshot-state';
import { TraceproofError } from '../../src/errors';
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
    const pending = received
      .until((trace) => matcher.evaluate(trace).final)
      .then((outcome) => {
        const verdict = matcher.evaluate(outcome.trace);
        return result(verdict, {
          trace: outcome.trace,
          settled: outcome.settled,
          timedOut: outcome.timedOut,
          waitedMs: outcome.waitedMs,
          decidedEarly: verdict.final && !outcome.settled.settled,
          url: received.url,
          likelyCauses: outcome.trace.size === 0 ? received.likelyCauses() : undefined,
        });
      });
    return refuseSynchronousUse(pending, matcher.name);
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

/**
 * Runners read `pass` at once only where they cannot await: an asymmetric matcher
 * (`expect.toHaveSpan()` inside `toEqual`). Over a pending trace that would silently never match,
 * so reading it throws and says what to do instead.
 */
function refuseSynchronousUse(promise: Promise<MatcherResult>, matcherName: string): Promise<MatcherResult> {
  Object.defineProperty(promise, 'pass', {
    get() {
      throw new TraceproofError(
        `${matcherName} was used where its answer is needed at once (as an asymmetric matcher, e.g. expect.${matcherName}(…) inside toEqual), on a pending trace that is still arriving. Await the trace first: const trace = await res.trace.settled(), then expect(trace)…, or await expect(res.trace).${matcherName}(…).`,
      );
    },
  });
  return promise;
}
