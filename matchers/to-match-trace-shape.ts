import { matchShape, renderShape, renderShapeNodes } from '../src/shape/match-shape';
import { parseShape } from '../src/shape/parse-shape';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { matchTrace } from './support/match-trace';
import { traceMessage } from './support/trace-message';
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
      traceMessage(this, {
        matcher: 'toMatchTraceShape',
        expectedArgs: 'shape',
        subject: 'shape',
        expected: this.utils.EXPECTED_COLOR(expectedText),
        received: this.utils.RECEIVED_COLOR(verdict.actual),
        state,
      }),
  });
}
