/** A literal on the right of a filter. Integers beyond 2^53 stay exact as bigint. */
export type SelectorLiteral = string | number | bigint | boolean;

/**
 * `=`, `!=`, `<`, `>`, `<=`, `>=`, `contains` and `not-contains` are Tracetest's operators;
 * `=~` (regular expression search) is a traceproof extension.
 */
export type FilterOperator = '=' | '!=' | '<' | '>' | '<=' | '>=' | '=~' | 'contains' | 'not-contains';

/** One `attribute operator value` term inside `span[...]`. */
export interface AttributeFilter {
  readonly attribute: string;
  readonly operator: FilterOperator;
  readonly value: SelectorLiteral;
  /** Compiled once at parse time for `=~`. */
  readonly pattern?: RegExp;
}

export type PseudoClass = { readonly kind: 'first' } | { readonly kind: 'last' } | { readonly kind: 'nth_child'; readonly n: number };

/** `span[filters]:pseudo`: every filter must match (AND). */
export interface SpanStep {
  readonly filters: readonly AttributeFilter[];
  readonly pseudoClass?: PseudoClass;
}

/** Steps separated by whitespace: each step selects descendants of the spans the previous one selected. */
export type SelectorChain = readonly SpanStep[];

/** A whole selector: chains separated by `,` (OR). No chains means every span. */
export interface SelectorAst {
  readonly source: string;
  readonly chains: readonly SelectorChain[];
}
