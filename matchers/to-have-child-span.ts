import type { SpanSelector } from '../src/select/span-query';
import type { Span } from '../src/trace/span';
import { describeClosest } from './support/describe-closest';
import { describeSelector } from './support/describe-selector';
import type { MatcherContext, MatcherResult } from './support/matcher-context';
import { assertSelector, equalsOf, matchTrace } from './support/match-trace';
import { traceMessage } from './support/trace-message';

/**
 * Asserts some span matching `parent` has a direct child matching `child`.
 * @example await expect(res.trace).toHaveChildSpan({ service: 'orders' }, { service: 'inventory', name: 'reserve' })
 */
export function toHaveChildSpan(
  this: MatcherContext,
  received: unknown,
  parent: SpanSelector,
  child: SpanSelector,
): MatcherResult | Promise<MatcherResult> {
  assertSelector(this, 'toHaveChildSpan', parent);
  assertSelector(this, 'toHaveChildSpan', child);
  const equals = equalsOf(this);
  return matchTrace(this, received, {
    name: 'toHaveChildSpan',
    evaluate: (trace) => {
      const parents = trace.select(parent, equals);
      const children = trace.select(child, equals);
      const parentIds = new Set(parents.map((p) => p.spanId));
      const pairs = children.filter((c) => c.parentSpanId !== undefined && parentIds.has(c.parentSpanId));
      const pass = pairs.length > 0;
      return { pass, final: pass, parents, children, pairs, trace };
    },
    message: (verdict, state) => {
      const actualParents = (spans: Span[]): string =>
        spans
          .slice(0, 3)
          .map((c) => {
            const p = verdict.trace.parentOf(c);
            return `  ${c.service}  ${c.name}  ← parent: ${p ? `${p.service}  ${p.name}` : c.parentSpanId ? `${c.parentSpanId} (not in trace)` : 'none (root)'}`;
          })
          .join('\n');
      return traceMessage(this, {
        matcher: 'toHaveChildSpan',
        expectedArgs: 'parent, child',
        expected: [
          `${this.isNot ? 'no' : 'a'} span matching ${describeSelector(this, child)}`,
          `as a direct child of a span matching ${describeSelector(this, parent)}`,
        ],
        received: `${verdict.parents.length} parent candidate(s), ${verdict.children.length} child candidate(s), ${verdict.pairs.length} matching pair(s)`,
        details: [
          ...(verdict.children.length > 0 && verdict.pairs.length === 0
            ? ['Child candidates and their actual parents:', actualParents(verdict.children)]
            : []),
          ...(verdict.parents.length === 0 ? describeClosest(state.trace, parent, equals, 'parent') : []),
          ...(verdict.children.length === 0 ? describeClosest(state.trace, child, equals, 'child') : []),
        ],
        state,
        highlight: [...verdict.parents, ...verdict.children],
      });
    },
  });
}
