import { memoryBackend } from '../../adapters/memory';
import { publishSpan } from '../../src/in-process/span-channel';
import type { Span } from '../../src/trace/span';
import type { Trace } from '../../src/trace/trace';
import { PendingTrace } from '../../src/wait/pending-trace';

/**
 * A pending trace over the real in-process store, whose spans are published over time:
 * `deliver(spans, afterMs)` publishes them later, as an exporter would.
 */
export function pendingTrace(trace: Trace, options: { timeoutMs?: number; quietWindowMs?: number } = {}) {
  const backend = memoryBackend();
  const pending = new PendingTrace(trace.traceId, {
    backend,
    deadline: Date.now() + (options.timeoutMs ?? 2000),
    quietWindowMs: options.quietWindowMs ?? 50,
  });
  const timers: NodeJS.Timeout[] = [];
  return {
    pending,
    deliver(spans: readonly Span[], afterMs = 0): void {
      if (afterMs === 0) spans.forEach(publishSpan);
      else timers.push(setTimeout(() => spans.forEach(publishSpan), afterMs));
    },
    async close(): Promise<void> {
      timers.forEach(clearTimeout);
      await backend.close();
    },
  };
}
