import type { Span } from '../../src/trace/span';

/** Span names, for compact expectations. */
export function spanNames(spans: readonly Span[]): string[] {
  return spans.map((span) => span.name);
}
