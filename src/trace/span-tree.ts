import type { Span } from './span';

/**
 * What selecting spans needs of a trace: its spans, the parent/child tree and how its store
 * holds names. {@link Trace} satisfies it; selectors depend on this, not on the class, which
 * itself selects (`trace.select(...)`).
 */
export interface SpanTree {
  /** Every span, ordered by start time. */
  readonly spans: readonly Span[];
  /** Names come from a store that lower-cases them: selectors compare names without regard to case. */
  readonly foldsNameCase: boolean;
  /** Every span in depth-first order from the roots, siblings by start time. */
  depthFirst(): readonly Span[];
  parentOf(span: Span): Span | undefined;
  childrenOf(span: Span): readonly Span[];
  /** Parent first, root last. */
  ancestorsOf(span: Span): Span[];
  /** Every span below `span`, depth first, siblings by start time. */
  descendantsOf(span: Span): Span[];
}
