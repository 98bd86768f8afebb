import type { Span } from '../trace/span';
import { appliedFilters } from './applied-filters';
import { filterMatches } from './filter-matches';
import { foldActualName, NAME_FIELDS } from './fold-name-case';
import { resolveSelectorField } from './resolve-selector-field';
import type { SpanStep } from './selector-ast';
import type { FilterDifference } from './span-difference';

/**
 * The filters of one `span[...]` step that `span` fails, lazily and in selector order, each
 * with the filter as written. The one place a step's filters are compared: matching takes the
 * first, explaining takes all. With `foldsNameCase`, name filters are compared regardless of case.
 */
export function* stepMismatches(span: Span, step: SpanStep, foldsNameCase: boolean): Generator<FilterDifference, void, undefined> {
  const applied = appliedFilters(step, foldsNameCase);
  for (const [i, written] of step.filters.entries()) {
    const actual = resolveSelectorField(span, written.attribute);
    const compared = foldsNameCase && NAME_FIELDS.has(written.attribute) ? foldActualName(actual) : actual;
    if (!filterMatches(compared, applied[i] ?? written)) yield { source: 'filter', field: written.attribute, expected: written, actual };
  }
}
