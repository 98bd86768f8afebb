import type { Span } from '../trace/span';
import type { SpanTree } from '../trace/span-tree';
import { queryMismatches } from './query-mismatches';
import type { Equals, SpanQuery } from './span-query';

/**
 * Whether `span` satisfies every present field of a validated {@link SpanQuery}. A field set to
 * `undefined` is ignored, except in `attributes`, where it means the attribute must be absent.
 */
export function spanMatchesQuery(trace: SpanTree, span: Span, query: SpanQuery, equals?: Equals): boolean {
  if (!queryMismatches(span, query, trace.foldsNameCase, equals).next().done) return false;
  const { parent, ancestor, child } = query;
  const matches = (other: Span, sub: SpanQuery): boolean => spanMatchesQuery(trace, other, sub, equals);
  if (parent) {
    const p = trace.parentOf(span);
    if (!p || !matches(p, parent)) return false;
  }
  if (ancestor && !trace.ancestorsOf(span).some((a) => matches(a, ancestor))) return false;
  if (child && !trace.childrenOf(span).some((c) => matches(c, child))) return false;
  return true;
}
