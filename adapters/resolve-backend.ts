import { memoryBackend } from './memory';
import { parseBackendSpec } from './from-spec';
import { otlpReceiverBackend } from './otlp';
import type { TraceBackend } from '../src/backend/trace-backend';
import { combineBackends } from '../src/backend/combine-backends';
import type { TraceproofConfig } from '../src/config';

const CACHE = Symbol.for('traceproof.backends');
type Holder = { [CACHE]?: Map<unknown, TraceBackend> };

function cached(key: unknown, make: () => TraceBackend): TraceBackend {
  const cache = ((globalThis as Holder)[CACHE] ??= new Map());
  let backend = cache.get(key);
  if (!backend) cache.set(key, (backend = make()));
  return backend;
}

/** The in-process backend of this realm: spans this process's tracer provider ended. */
export const inProcessBackend = (): TraceBackend => cached('memory', memoryBackend);

/**
 * The backend a trigger reads its trace from: in-process spans, merged with the configured
 * store (`backend` option or TRACEPROOF_BACKEND), else the embedded receiver when its global
 * setup published TRACEPROOF_RECEIVER_URL.
 */
export function resolveBackend(config: TraceproofConfig): TraceBackend {
  const configured = config.backend;
  const receiverUrl = process.env.TRACEPROOF_RECEIVER_URL;
  const primary =
    typeof configured === 'string'
      ? cached(configured, () => parseBackendSpec(configured))
      : (configured ?? (receiverUrl ? cached(`otlp:${receiverUrl}`, () => otlpReceiverBackend({ url: receiverUrl })) : undefined));
  return primary ? combineBackends([inProcessBackend(), primary]) : inProcessBackend();
}

/** Closes every backend this realm opened. */
export async function closeBackends(): Promise<void> {
  const cache = (globalThis as Holder)[CACHE];
  if (!cache) return;
  (globalThis as Holder)[CACHE] = undefined;
  await Promise.all([...cache.values()].map((b) => b.close?.()));
}
