import { describeSnapshot } from '../src/report/describe-snapshot';
import type { SpanSelector } from '../src/select/span-query';
import type { Span } from '../src/trace/span';
import { formatMilliseconds } from '../src/util/duration';
import { describeClosest } from './support/describe-closest';
import { describeSelector } from './support/describe-selector';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { assertSelector, equalsOf, matchTrace } from './support/match-trace';
import { describeBounds, parseSpanBounds, type SpanBounds, type SpanCountOptions } from './support/span-count-options';
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
    message: (verdict, state) => {
      const hint = this.utils.matcherHint('toHaveSpan', 'trace', 'selector', { isNot: this.isNot, promise: this.promise ?? '', ...(options ? { secondArgument: 'options' } : {}) });
      const expected = `${this.isNot ? 'not ' : ''}${describeBounds(bounds)} matching ${describeSelector(this, selector)}`;
      const lines = [hint, '', `Expected: ${expected}`, `Received: ${this.utils.RECEIVED_COLOR(`${verdict.matches.length} matching span${verdict.matches.length === 1 ? '' : 's'}`)}`];
      for (const s of verdict.matches.slice(0, 5)) lines.push(`  ${spanLine(s)}`);
      if (verdict.tooLong.length > 0) lines.push(`Too slow (> ${formatMilliseconds(bounds.maxMs!)}): ${verdict.tooLong.map(spanLine).join('; ')}`);
      if (verdict.tooShort.length > 0) lines.push(`Too fast (< ${formatMilliseconds(bounds.minMs!)}): ${verdict.tooShort.map(spanLine).join('; ')}`);
      if (verdict.matches.length === 0) lines.push(...describeClosest(state.trace, selector, equals));
      lines.push('', describeSnapshot(state, new Set(verdict.matches.map((s) => s.spanId))));
      return lines.join('\n');
    },
  });
}
