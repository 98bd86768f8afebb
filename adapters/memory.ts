import type { TraceBackend } from '../src/backend';
import { subscribeToSpans } from '../src/memory/span-channel';
import { TraceStore } from '../src/store/trace-store';

export interface MemoryBackend extends TraceBackend {
  /** Stops receiving spans. */
  close(): Promise<void>;
}

/**
 * The in-process backend: the spans that this process's tracer provider ended, handed over
 * the moment they end (see `installTracerProvider` and `TraceproofSpanProcessor`).
 */
export function memoryBackend(): MemoryBackend {
  const store = new TraceStore();
  const unsubscribe = subscribeToSpans((span) => store.add([span]));
  return {
    name: 'memory',
    fetchTrace: (traceId) => Promise.resolve(store.spans(traceId)),
    waitForChange: (traceId, version, signal) => store.waitForChange(traceId, version, signal),
    close: () => {
      unsubscribe();
      store.clear();
      return Promise.resolve();
    },
  };
}
