import type { SpanSelector } from '../src/select/span-query';
import type { Span } from '../src/trace/span';
import { describeClosest } from './support/describe-closest';
import { describeSelector } from './support/describe-selector';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { assertSelector, equalsOf, matchTrace } from './support/match-trace';
import { traceMessage } from './support/trace-message';

function describeError(span: Span): string {
  const exception = span.events.find((e) => e.name === 'exception');
  const type = exception?.attributes['exception.type'];
  const message = exception?.attributes['exception.message'] ?? span.status.message;
  return `  ${span.service}  ${span.name}${type ? `  ${String(type)}` : ''}${message ? `: ${String(message)}` : ''}`;
}

/**
 * Asserts some span (of the selector, if given) has error status. Mostly used negated, which
 * waits until the trace settled: `await expect(res.trace).not.toHaveErrors()`.
 */
export function toHaveErrors(this: MatcherContext, received: unknown, selector?: SpanSelector): MatcherResult | Promise<MatcherResult> {
  if (selector !== undefined) assertSelector(this, 'toHaveErrors', selector);
  const equals = equalsOf(this);
  return matchTrace(this, received, {
    name: 'toHaveErrors',
    evaluate: (trace) => {
      const scope = selector === undefined ? trace.spans : trace.select(selector, equals);
      const errors = scope.filter((s) => s.status.code === 'error');
      return { pass: errors.length > 0, final: errors.length > 0, errors, inScope: scope.length };
    },
    message: (verdict, state) => {
      const where = selector === undefined ? '' : ` among spans matching ${describeSelector(this, selector)}`;
      // Without this, a selector with a typo reads as "the selected spans had no errors".
      const unmatched = selector !== undefined && verdict.inScope === 0;
      return traceMessage(this, {
        matcher: 'toHaveErrors',
        expectedArgs: selector === undefined ? '' : 'selector',
        expected: `${this.isNot ? 'no span' : 'a span'} with error status${where}`,
        received: this.utils.RECEIVED_COLOR(
          `${verdict.errors.length} span${verdict.errors.length === 1 ? '' : 's'} with error status${unmatched ? ' (no span matches the selector)' : ''}`,
        ),
        details: [...verdict.errors.slice(0, 5).map(describeError), ...(unmatched ? describeClosest(state.trace, selector, equals) : [])],
        state,
        highlight: verdict.errors,
      });
    },
  });
}
