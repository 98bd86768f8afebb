import type { Span } from '../../../src/trace/span';
import type { Trace } from '../../../src/trace/trace';

/** How the spans of a trace reach a pending trace: batches published some milliseconds after the start. */
export interface Arrival {
  readonly of: Trace;
  readonly batches: readonly (readonly [afterMs: number, spans: readonly Span[]])[];
  /** @default 2000 */
  readonly timeoutMs?: number;
  /** @default 50 */
  readonly quietWindowMs?: number;
}

/**
 * The spans of `of`, published in batches as an exporter would.
 * @example arrival(shop, [[0, shop.spans.slice(1)], [30, shop.spans.slice(0, 1)]]) // the root 30 ms late
 */
export function arrival(of: Trace, batches: Arrival['batches'], options: { timeoutMs?: number; quietWindowMs?: number } = {}): Arrival {
  return { of, batches, ...options };
}
