import type { SpanKind, SpanStatusCode } from '../trace/span';

/**
 * A value in a {@link SpanQuery}: a literal compared by equality, a RegExp tested against
 * strings, or an asymmetric matcher (`expect.stringMatching(...)`, `expect.any(Number)`).
 */
export type QueryValue = unknown;

/**
 * The object form of a span selector. Every present field must match; an attribute whose
 * expected value is `undefined` must be absent.
 * @example { service: 'payments', name: /^charge/, attributes: { 'payment.amount': 40 } }
 */
export interface SpanQuery {
  service?: QueryValue;
  name?: QueryValue;
  kind?: SpanKind | QueryValue;
  status?: SpanStatusCode | QueryValue;
  attributes?: Readonly<Record<string, QueryValue>>;
  /** The span's direct parent matches this query. */
  parent?: SpanQuery;
  /** Some ancestor of the span, at any depth, matches this query. */
  ancestor?: SpanQuery;
  /** Some direct child of the span matches this query. */
  child?: SpanQuery;
}

/** A span selector: the Tracetest-compatible string form or the object form. */
export type SpanSelector = string | SpanQuery;

/** Equality used to compare query values; matchers pass the runner's `this.equals`. */
export type Equals = (actual: unknown, expected: unknown) => boolean;
