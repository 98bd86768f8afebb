import type { SpanSelector } from '../src/select/span-query';
import type { PendingTrace } from '../src/wait/pending-trace';
import type { SpanCountOptions } from './support/span-count-options';

/** A trace matcher returns a promise to await over a pending trace, and nothing over a Trace. */
export type TraceAssertionResult<T, R = void> = [T] extends [PendingTrace] ? Promise<void> : R;

/** The matchers traceproof adds to `expect`, for either runner. */
export interface TraceMatchers<T = unknown, R = void> {
  /**
   * The trace has spans matching the selector: at least one, or as many as `count` /
   * `minCount` / `maxCount` say, each within `minDuration` / `maxDuration`.
   * @example await expect(res.trace).toHaveSpan({ service: 'payments', name: 'charge' })
   * @example await expect(res.trace).toHaveSpan('span[db.system="sqlite"]', { count: 1, maxDuration: '50ms' })
   */
  toHaveSpan(selector: SpanSelector, options?: SpanCountOptions): TraceAssertionResult<T, R>;
  /**
   * The settled trace has this many spans (a number or an asymmetric matcher).
   * @example await expect(res.trace).toHaveSpanCount(7)
   */
  toHaveSpanCount(count: number | unknown): TraceAssertionResult<T, R>;
  /**
   * Some span (matching the selector, if given) has error status.
   * @example await expect(res.trace).not.toHaveErrors()
   */
  toHaveErrors(selector?: SpanSelector): TraceAssertionResult<T, R>;
  /**
   * A span matching `parent` has a direct child matching `child`.
   * @example await expect(res.trace).toHaveChildSpan({ service: 'orders' }, { service: 'inventory' })
   */
  toHaveChildSpan(parent: SpanSelector, child: SpanSelector): TraceAssertionResult<T, R>;
  /**
   * Every span matching `first` ended before any span matching `second` started.
   * @example await expect(res.trace).toHaveSpanBefore('span[name="reserve"]', 'span[name="charge"]')
   */
  toHaveSpanBefore(first: SpanSelector, second: SpanSelector): TraceAssertionResult<T, R>;
  /**
   * The trace's tree of `service name` lines matches, timings ignored, siblings in any order.
   * @example await expect(res.trace).toMatchTraceShape(`gateway POST /orders\n  orders POST /orders`)
   */
  toMatchTraceShape(shape: string): TraceAssertionResult<T, R>;
}
