import type { TraceBackend } from '../backend/trace-backend';
import { describeSearchWindow } from '../backend/trace-search';
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
    // A span reaches this store the moment it ends: its arrival is its end, so delays are ~0.
    findTraces: (search) =>
      Promise.resolve({ scope: `spans that ended in this process ${describeSearchWindow(search)}`, ...store.arrivedBetween(search) }),
    close: () => {
      unsubscribe();
      store.clear();
      return Promise.resolve();
    },
  };
}
