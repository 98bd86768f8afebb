import { foldNameFilter } from './fold-name-case';
import type { AttributeFilter, SpanStep } from './selector-ast';

/** Parsed selectors are cached and frozen, so a step's folded filters can be kept with it. */
const folded = new WeakMap<SpanStep, readonly AttributeFilter[]>();

/**
 * The filters of one `span[...]` step as they are applied to a trace: over a store that
 * lower-cases names (`foldsNameCase`), filters on name fields are folded the same way.
 * Matching and explaining a mismatch both take filters from here.
 */
export function appliedFilters(step: SpanStep, foldsNameCase: boolean): readonly AttributeFilter[] {
  if (!foldsNameCase) return step.filters;
  let filters = folded.get(step);
  if (!filters) folded.set(step, (filters = step.filters.map(foldNameFilter)));
  return filters;
}
