import type { Span } from '../trace/span';
import { attributeOrResource } from './attribute-or-resource';
import { defaultEquals } from './default-equals';
import { foldActualName, foldExpectedName } from './fold-name-case';
import { QUERY_FIELDS } from './query-fields';
import { queryValueMatches } from './query-value-matches';
import type { QueryDifference } from './span-difference';
import type { Equals, SpanQuery } from './span-query';

/**
 * The fields of `span` that fail a validated {@link SpanQuery}'s own conditions (span fields and
 * attributes; not `parent`, `ancestor`, `child`), lazily and in table order. The one place these
 * comparisons are made: matching takes the first, explaining takes all.
 *
 * A field set to `undefined` is ignored, except in `attributes`, where it means the attribute
 * must be absent. With `foldsNameCase`, name fields are compared regardless of case.
 */
export function* queryMismatches(
  span: Span,
  query: SpanQuery,
  foldsNameCase: boolean,
  equals: Equals = defaultEquals,
): Generator<QueryDifference, void, undefined> {
  for (const field of QUERY_FIELDS) {
    const expected = query[field.key];
    if (expected === undefined) continue;
    const actual = field.read(span);
    const folds = foldsNameCase && field.isName;
    const compared = folds ? foldExpectedName(expected) : expected;
    if (!queryValueMatches(folds && typeof compared === 'string' ? foldActualName(actual) : actual, compared, equals)) {
      yield { source: 'query', field: field.key, expected, actual };
    }
  }
  for (const [key, expected] of Object.entries(query.attributes ?? {})) {
    const actual = attributeOrResource(span, key);
    if (expected === undefined ? actual !== undefined : !queryValueMatches(actual, expected, equals)) {
      yield { source: 'query', field: key, expected, actual };
    }
  }
}
