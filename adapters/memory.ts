import type { TraceBackend } from '../src/backend/trace-backend';
import { subscribeToSpans } from '../src/in-process/span-channel';
import { SpanStore, type SpanStoreOptions } from '../src/store/span-store';

export interface MemoryBackend extends TraceBackend {
  /** Stops receiving spans and drops those kept. */
  close(): Promise<void>;
}

/**
 * The in-process backend: the spans that this process's tracer provider ended, handed over
 * the moment they end (see `installTracerProvider` and `TraceproofSpanProcessor`). Keeps at
 * most `maxSpans` spans, dropping the least recently updated traces first.
 * @example configure({ backend: memoryBackend() })
 */
export function memoryBackend(options: SpanStoreOptions = {}): MemoryBackend {
  const store = new SpanStore(options);
  const unsubscribe = subscribeToSpans((span) => store.add([span]));
  return {
    name: 'memory',
    fetchTrace: (traceId) => Promise.resolve(store.get(traceId).spans),
    waitForChange: (traceId, version, signal) => store.waitForChange(traceId, version, signal),
    close: () => {
      unsubscribe();
      store.clear();
      return Promise.resolve();
    },
  };
}
