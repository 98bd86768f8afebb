import type { Tracing } from './install-tracer-provider';

const SHARED = Symbol.for('traceproof.sharedTracing');

/** Hands a realm's tracing to a sandbox realm (Jest's test context) through its global object. */
export function offerTracing(sandboxGlobal: object, tracing: Tracing): void {
  (sandboxGlobal as Record<symbol, unknown>)[SHARED] = tracing;
}

/** The tracing the host realm offered this one, if any. */
export function offeredTracing(): Tracing | undefined {
  return (globalThis as Record<symbol, unknown>)[SHARED] as Tracing | undefined;
}
