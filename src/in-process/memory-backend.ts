import type { TraceBackend } from '../backend/trace-backend';
import { SpanStore, type SpanStoreOptions } from '../store/span-store';
import { subscribeToSpans } from './span-channel';

export interface MemoryBackend extends TraceBackend {
  /** Stops receiving spans and drops those kept. */
  close(): Promise<void>;
}

const NAME = 'memory';

/**
 * The in-process backend: the spans that this process's tracer provider ended, handed over
 * the moment they end (see `installTracerProvider` and `TraceproofSpanProcessor`). Keeps at
 * most `maxSpans` spans, dropping the least recently updated traces first.
 * @example configure({ backend: memoryBackend() })
 */
export function memoryBackend(options: Omit<SpanStoreOptions, 'owner'> = {}): MemoryBackend {
  const store = new SpanStore({ ...options, owner: NAME });
  const unsubscribe = subscribeToSpans((span) => store.add([span]));
  return {
    name: NAME,
    fetchTrace: (traceId) => Promise.resolve(store.get(traceId.toLowerCase()).spans),
    waitForChange: (traceId, version, signal) => store.waitForChange(traceId.toLowerCase(), version, signal),
    close: () => {
      unsubscribe();
      store.clear();
      return Promise.resolve();
    },
  };
}
