/** The in-process backend: spans this process's tracer provider ended, with no exporter in between. */
export { memoryBackend } from '../src/in-process/memory-backend';
export type { MemoryBackend } from '../src/in-process/memory-backend';
export type { SpanStoreOptions } from '../src/store/span-store';
