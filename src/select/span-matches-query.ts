import type { Span } from '../trace/span';
import type { Trace } from '../trace/trace';
import { attributeOrResource } from './attribute-or-resource';
import { foldExpectedName } from './fold-name-case';
import { queryValueMatches } from './query-value-matches';
import type { Equals, SpanQuery } from './span-query';

/**
 * Whether `span` satisfies every present field of a validated {@link SpanQuery}. A field set to
 * `undefined` is ignored, except in `attributes`, where it means the attribute must be absent.
 */
export function spanMatchesQuery(trace: Trace, span: Span, query: SpanQuery, equals?: Equals): boolean {
  const name = (expected: unknown): unknown => (trace.foldsNameCase ? foldExpectedName(expected) : expected);
  const fields: readonly (readonly [unknown, unknown])[] = [
    [span.service, name(query.service)],
    [span.name, name(query.name)],
    [span.kind, query.kind],
    [span.status.code, query.status],
  ];
  for (const [actual, expected] of fields) {
    if (expected !== undefined && !queryValueMatches(actual, expected, equals)) return false;
  }
  for (const [key, expected] of Object.entries(query.attributes ?? {})) {
    const actual = attributeOrResource(span, key);
    if (expected === undefined ? actual !== undefined : !queryValueMatches(actual, expected, equals)) return false;
  }
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
