import type { SpanSelector } from '../src/select/span-query';
import type { Span } from '../src/trace/span';
import { formatMilliseconds } from '../src/util/duration';
import { describeClosest } from './support/describe-closest';
import { describeSelector } from './support/describe-selector';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { assertSelector, equalsOf, matchTrace } from './support/match-trace';
import { traceMessage } from './support/trace-message';

const latestEnd = (spans: Span[]): bigint => spans.reduce((max, s) => (s.endTimeUnixNano > max ? s.endTimeUnixNano : max), 0n);
const earliestStart = (spans: Span[]): bigint =>
  spans.reduce((min, s) => (s.startTimeUnixNano < min ? s.startTimeUnixNano : min), spans[0]?.startTimeUnixNano ?? 0n);

/**
 * Asserts every span matching `first` ended before any span matching `second` started
 * (both must exist). Waits for the trace to settle, since a later span could break the order.
 * @example await expect(res.trace).toHaveSpanBefore('span[name="reserve"]', 'span[name="charge"]')
 */
export function toHaveSpanBefore(
  this: MatcherContext,
  received: unknown,
  first: SpanSelector,
  second: SpanSelector,
): MatcherResult | Promise<MatcherResult> {
  assertSelector(this, 'toHaveSpanBefore', first);
  assertSelector(this, 'toHaveSpanBefore', second);
  const equals = equalsOf(this);
  return matchTrace(this, received, {
    name: 'toHaveSpanBefore',
    evaluate: (trace) => {
      const a = trace.select(first, equals);
      const b = trace.select(second, equals);
      const overlapNs = a.length > 0 && b.length > 0 ? latestEnd(a) - earliestStart(b) : undefined;
      const ordered = overlapNs !== undefined && overlapNs <= 0n;
      return { pass: ordered, final: overlapNs !== undefined && !ordered, a, b, overlapNs };
    },
    message: (verdict, state) => {
      const why =
        verdict.a.length === 0
          ? 'no span matches the first selector'
          : verdict.b.length === 0
            ? 'no span matches the second selector'
            : verdict.overlapNs! > 0n
              ? `the first ended ${formatMilliseconds(Number(verdict.overlapNs) / 1e6)} after the second started`
              : `the first ended ${formatMilliseconds(Number(-verdict.overlapNs!) / 1e6)} before the second started`;
      return traceMessage(this, {
        matcher: 'toHaveSpanBefore',
        expectedArgs: 'first, second',
        expected: [
          `spans matching ${describeSelector(this, first)}`,
          `${this.isNot ? 'not ' : ''}to end before spans matching ${describeSelector(this, second)} start`,
        ],
        received: this.utils.RECEIVED_COLOR(why),
        details: [
          ...(verdict.a.length === 0 ? describeClosest(state.trace, first, equals, 'first') : []),
          ...(verdict.b.length === 0 ? describeClosest(state.trace, second, equals, 'second') : []),
        ],
        state,
        highlight: [...verdict.a, ...verdict.b],
      });
    },
  });
}
