import type { Span } from '../trace/span';
import type { SpanQuery } from './span-query';

/** A {@link SpanQuery} key that compares one of the span's own fields. */
export type QueryFieldKey = 'service' | 'name' | 'kind' | 'status';

/** One own field of a span that a {@link SpanQuery} compares. */
export interface QueryField {
  readonly key: QueryFieldKey;
  /** The span's value the query value is compared with. */
  readonly read: (span: Span) => unknown;
  /** Holds a span or service name, which some stores lower-case (Zipkin): compared regardless of case there. */
  readonly isName: boolean;
}

/**
 * The span fields of a {@link SpanQuery}, in the order mismatches are listed. Matching and
 * explaining a mismatch both read this table, so they cannot disagree on a field.
 */
export const QUERY_FIELDS: readonly QueryField[] = [
  { key: 'service', read: (span) => span.service, isName: true },
  { key: 'name', read: (span) => span.name, isName: true },
  { key: 'kind', read: (span) => span.kind, isName: false },
  { key: 'status', read: (span) => span.status.code, isName: false },
];
