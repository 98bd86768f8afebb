import type { SpanSelector } from '../../src/select/span-query';
import type { Equals } from '../../src/select/span-query';
import type { SnapshotState } from '../../src/report/snapshot-state';
import { TraceproofError } from '../../src/errors';
import { isTrace, type Trace } from '../../src/trace/trace';
import { isPendingTrace, type PendingTrace } from '../../src/wait/pending-trace';
import { callSite } from '../../src/wait/assertion-ledger';
import { describeEvidence } from '../../src/diagnose/describe-evidence';
import { ownSourceRoots } from './own-source-roots';
import type { MatcherContext, MatcherResult } from './matcher-context';
import { TraceUsageError } from './trace-usage-error';
import type { TraceVerdict } from './trace-verdict';

const OWN_ROOTS = ownSourceRoots(new Error().stack);

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
    const entry = received.options.ledger?.record(matcher.name, callSite(new Error().stack, OWN_ROOTS));
    const pending = verdictOnPending(context, received, matcher).then(
      (outcome) => {
        if (entry) received.options.ledger?.settle(entry);
        // Not awaited: the runner fails the test for it; a late verdict here would surface nowhere, or after the test.
        if (entry?.abandoned) return { pass: context.isNot === true, message: () => `${matcher.name} was not awaited.` };
        return result(outcome.verdict, outcome.state);
      },
      (error: unknown) => {
        if (entry) received.options.ledger?.settle(entry);
        if (entry?.abandoned) return { pass: context.isNot === true, message: () => `${matcher.name} was not awaited.` };
        throw error;
      },
    );
    return refuseSynchronousUse(pending, matcher.name);
  }
  throw new TraceUsageError(
    context,
    matcher.name,
    'The received value must be a Trace or a pending trace (for example `res.trace` from the http fixture).',
    received,
  );
}

/**
 * Waits as long as the verdict needs, then makes sure it can be trusted and explained:
 * - a failure decided before the trace settled waits (within the deadline) for the rest of
 *   the trace, so the message shows all of it;
 * - a passing verdict that more spans could still change fails as unconfirmed when the
 *   trace had not settled by the deadline;
 * - a failure carries what the backend saw: always on a missing or unsettled trace, on a
 *   settled one when it found something (the request went on in another trace).
 */
async function verdictOnPending<V extends TraceVerdict>(
  context: MatcherContext,
  pending: PendingTrace,
  matcher: TraceMatcher<V>,
): Promise<{ verdict: V; state: SnapshotState }> {
  let outcome = await pending.until((trace) => matcher.evaluate(trace).final);
  let verdict = matcher.evaluate(outcome.trace);
  const passes = verdict.pass !== (context.isNot === true);
  const decidedEarly = verdict.final && !outcome.settled.settled;
  if (!passes && decidedEarly && !outcome.timedOut) {
    outcome = await pending.until(() => false);
    verdict = matcher.evaluate(outcome.trace);
  }
  const unconfirmed = passes && !verdict.final && !outcome.settled.settled;
  const failing = !passes || unconfirmed;
  const found = failing ? await pending.evidence(outcome.trace) : undefined;
  // Over a settled trace, only a finding is worth the lines: a request that went on in another trace.
  const evidence = found && (outcome.trace.size === 0 || !outcome.settled.settled || found.findings.length > 0) ? found : undefined;
  return {
    verdict: unconfirmed ? { ...verdict, pass: context.isNot === true } : verdict,
    state: {
      trace: outcome.trace,
      settled: outcome.settled,
      timedOut: outcome.timedOut,
      waitedMs: outcome.waitedMs,
      decidedEarly: decidedEarly && !outcome.settled.settled,
      url: pending.url,
      likelyCauses: outcome.trace.size === 0 ? pending.likelyCauses() : undefined,
      unconfirmed,
      evidence: evidence && describeEvidence(evidence),
      unansweredMs: outcome.unansweredMs,
    },
  };
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
