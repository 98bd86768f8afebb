import type { AttributeFilter } from './selector-ast';
import type { QueryValue } from './span-query';

/**
 * One field of a span that does not satisfy a selector. Values are as written in the selector
 * and as held by the span, before any case folding: the comparison folds, the report does not.
 */
export type SpanDifference = QueryDifference | FilterDifference;

/** A field of an object selector ({@link SpanQuery}) that differs. */
export interface QueryDifference {
  readonly source: 'query';
  /** The query key (`service`, `name`, `kind`, `status`) or an attribute key. */
  readonly field: string;
  /** The query value; `undefined` for an attribute that must be absent. */
  readonly expected: QueryValue;
  /** The span's value; `undefined` when the span has none. */
  readonly actual: unknown;
}

/** A filter of a string selector's `span[...]` step that the span fails. */
export interface FilterDifference {
  readonly source: 'filter';
  /** The filter's field (`name`, `service.name`, an attribute key). */
  readonly field: string;
  readonly expected: AttributeFilter;
  /** The span's value; `undefined` when the span has none. */
  readonly actual: unknown;
}
