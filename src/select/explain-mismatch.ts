import type { Span } from '../trace/span';
import type { SpanTree } from '../trace/span-tree';
import { defaultEquals } from './default-equals';
import { parseSelectorCached } from './parse-selector-cached';
import { queryMismatches } from './query-mismatches';
import type { SpanDifference } from './span-difference';
import type { Equals, SpanSelector } from './span-query';
import { stepMismatches } from './step-mismatches';

/**
 * What keeps `span` from matching a selector's own conditions, compared exactly as selecting
 * compares them (case folding over `tree` included), so a field that matches is never listed.
 * Empty when every own condition holds.
 *
 * Own conditions are an object selector's fields and attributes (not `parent`, `ancestor`,
 * `child`) and the filters of a string selector's last step (not earlier steps or
 * pseudo-classes). `undefined` for a string selector that is not one chain (`,` or empty):
 * no single step's filters describe it.
 * @example explainMismatch(trace, span, { name: 'charge', attributes: { 'payment.amount': 50 } })
 * // [{ source: 'query', field: 'payment.amount', expected: 50, actual: 40 }]
 */
export function explainMismatch(
  tree: SpanTree,
  span: Span,
  selector: SpanSelector,
  equals: Equals = defaultEquals,
): SpanDifference[] | undefined {
  if (typeof selector !== 'string') return [...queryMismatches(span, selector, tree.foldsNameCase, equals)];
  const { chains } = parseSelectorCached(selector);
  const last = chains.length === 1 ? chains[0]?.at(-1) : undefined;
  return last ? [...stepMismatches(span, last, tree.foldsNameCase)] : undefined;
}
