import { describeSnapshot } from '../src/report/describe-snapshot';
import { matchShape, renderShape, renderShapeNodes } from '../src/shape/match-shape';
import { parseShape } from '../src/shape/parse-shape';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { matchTrace } from './support/match-trace';
import { TraceUsageError } from './support/trace-usage-error';

/**
 * Asserts the trace's tree of `service name` lines, without timings: children indented under
 * their parent, siblings in any order, `*` for any service or name, `...` for "and more".
 * @example
 * await expect(res.trace).toMatchTraceShape(`
 *   gateway POST /orders
 *     orders POST /orders
 *       inventory reserve
 *       ...
 * `)
 */
export function toMatchTraceShape(this: MatcherContext, received: unknown, shape: string): MatcherResult | Promise<MatcherResult> {
  if (typeof shape !== 'string') {
    throw new TraceUsageError(this, 'toMatchTraceShape', 'The shape must be a string of indented `service name` lines.', shape, 'shape');
  }
  const expected = parseShape(shape);
  const expectedText = renderShapeNodes(expected.roots, expected.open);
  return matchTrace(this, received, {
    name: 'toMatchTraceShape',
    evaluate: (trace) => {
      const roots = trace.roots;
      return { pass: matchShape(trace, expected.roots, roots, expected.open), final: false, actual: renderShape(trace) };
    },
    actual: (verdict) => verdict.actual,
    expected: expectedText,
    message: (verdict, state) =>
      [
        this.utils.matcherHint('toMatchTraceShape', 'trace', 'shape', { isNot: this.isNot, promise: this.promise ?? '' }),
        '',
        `Expected shape${this.isNot ? ' not' : ''}:`,
        this.utils.EXPECTED_COLOR(expectedText),
        'Received shape:',
        this.utils.RECEIVED_COLOR(verdict.actual),
        '',
        describeSnapshot(state),
      ].join('\n'),
  });
}
