import { isAsymmetricMatcher } from '../src/util/is-asymmetric-matcher';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { equalsOf, matchTrace } from './support/match-trace';
import { traceMessage } from './support/trace-message';
import { TraceUsageError } from './support/trace-usage-error';

/**
 * Asserts how many spans the whole trace has, once it settled. Accepts a number or an
 * asymmetric matcher.
 * @example await expect(res.trace).toHaveSpanCount(7)
 */
export function toHaveSpanCount(this: MatcherContext, received: unknown, expected: unknown): MatcherResult | Promise<MatcherResult> {
  if (!isAsymmetricMatcher(expected) && !(Number.isInteger(expected) && (expected as number) >= 0)) {
    throw new TraceUsageError(
      this,
      'toHaveSpanCount',
      'The expected count must be a whole number ≥ 0 or an asymmetric matcher.',
      expected,
      'expected',
    );
  }
  const equals = equalsOf(this);
  return matchTrace(this, received, {
    name: 'toHaveSpanCount',
    evaluate: (trace) => ({
      pass: equals(trace.size, expected),
      final: typeof expected === 'number' && trace.size > expected,
      size: trace.size,
    }),
    actual: (verdict) => verdict.size,
    expected,
    message: (verdict, state) =>
      traceMessage(this, {
        matcher: 'toHaveSpanCount',
        expectedArgs: 'count',
        expected: `${this.isNot ? 'not ' : ''}${this.utils.printExpected(expected)} span${expected === 1 ? '' : 's'}`,
        received: `${this.utils.printReceived(verdict.size)} span${verdict.size === 1 ? '' : 's'}`,
        state,
      }),
  });
}
