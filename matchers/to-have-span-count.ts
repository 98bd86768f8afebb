import { describeSnapshot } from '../src/report/describe-snapshot';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { equalsOf, matchTrace } from './support/match-trace';
import { TraceUsageError } from './support/trace-usage-error';

/**
 * Asserts how many spans the whole trace has, once it settled. Accepts a number or an
 * asymmetric matcher.
 * @example await expect(res.trace).toHaveSpanCount(7)
 */
export function toHaveSpanCount(this: MatcherContext, received: unknown, expected: unknown): MatcherResult | Promise<MatcherResult> {
  const isMatcher = typeof expected === 'object' && expected !== null && 'asymmetricMatch' in expected;
  if (!isMatcher && !(Number.isInteger(expected) && (expected as number) >= 0)) {
    throw new TraceUsageError(this, 'toHaveSpanCount', 'The expected count must be a whole number ≥ 0 or an asymmetric matcher.', expected, 'expected');
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
      [
        this.utils.matcherHint('toHaveSpanCount', 'trace', 'count', { isNot: this.isNot, promise: this.promise ?? '' }),
        '',
        `Expected: ${this.isNot ? 'not ' : ''}${this.utils.printExpected(expected)} span${expected === 1 ? '' : 's'}`,
        `Received: ${this.utils.printReceived(verdict.size)} span${verdict.size === 1 ? '' : 's'}`,
        '',
        describeSnapshot(state),
      ].join('\n'),
  });
}
