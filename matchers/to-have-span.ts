import type { SpanSelector } from '../src/select/span-query';
import type { Span } from '../src/trace/span';
import { formatMilliseconds } from '../src/util/duration';
import { describeClosest } from './support/describe-closest';
import { describeSelector } from './support/describe-selector';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { assertSelector, equalsOf, matchTrace } from './support/match-trace';
import { describeBounds, parseSpanBounds, type SpanBounds, type SpanCountOptions } from './support/span-count-options';
import { traceMessage } from './support/trace-message';
import { TraceUsageError } from './support/trace-usage-error';

interface Verdict {
  pass: boolean;
  final: boolean;
  matches: Span[];
  tooShort: Span[];
  tooLong: Span[];
}

function judge(matches: Span[], bounds: SpanBounds): Verdict {
  const tooShort = bounds.minMs === undefined ? [] : matches.filter((s) => s.durationMs < bounds.minMs!);
  const tooLong = bounds.maxMs === undefined ? [] : matches.filter((s) => s.durationMs > bounds.maxMs!);
  const withinCount = matches.length >= bounds.min && matches.length <= bounds.max;
  const pass = withinCount && tooShort.length === 0 && tooLong.length === 0;
  const failedForGood = matches.length > bounds.max || tooShort.length > 0 || tooLong.length > 0;
  const unbounded = bounds.max === Number.POSITIVE_INFINITY && bounds.minMs === undefined && bounds.maxMs === undefined;
  return { pass, final: failedForGood || (pass && unbounded), matches, tooShort, tooLong };
}

const spanLine = (s: Span): string => `${s.service}  ${s.name}  (${formatMilliseconds(s.durationMs)})`;

/**
 * Asserts the trace has spans matching a selector: by default at least one; with options,
 * a count and duration bounds that every matching span must meet.
 * @example await expect(res.trace).toHaveSpan('span[name="INSERT orders"]', { count: 1, maxDuration: '50ms' })
 */
export function toHaveSpan(
  this: MatcherContext,
  received: unknown,
  selector: SpanSelector,
  options?: SpanCountOptions,
): MatcherResult | Promise<MatcherResult> {
  assertSelector(this, 'toHaveSpan', selector);
  const bounds = parseSpanBounds(options);
  if (typeof bounds === 'string') throw new TraceUsageError(this, 'toHaveSpan', bounds, options, 'options');
  const equals = equalsOf(this);
  return matchTrace(this, received, {
    name: 'toHaveSpan',
    evaluate: (trace) => judge(trace.select(selector, equals), bounds),
    message: (verdict, state) =>
      traceMessage(this, {
        matcher: 'toHaveSpan',
        expectedArgs: 'selector',
        secondArgument: options === undefined ? undefined : 'options',
        expected: `${this.isNot ? 'not ' : ''}${describeBounds(bounds)} matching ${describeSelector(this, selector)}`,
        received: this.utils.RECEIVED_COLOR(`${verdict.matches.length} matching span${verdict.matches.length === 1 ? '' : 's'}`),
        details: [
          ...verdict.matches.slice(0, 5).map((s) => `  ${spanLine(s)}`),
          ...(verdict.tooLong.length > 0
            ? [`Too slow (> ${formatMilliseconds(bounds.maxMs!)}): ${verdict.tooLong.map(spanLine).join('; ')}`]
            : []),
          ...(verdict.tooShort.length > 0
            ? [`Too fast (< ${formatMilliseconds(bounds.minMs!)}): ${verdict.tooShort.map(spanLine).join('; ')}`]
            : []),
          ...(verdict.matches.length === 0 ? describeClosest(state.trace, selector, equals) : []),
        ],
        state,
        highlight: verdict.matches,
      }),
  });
}
