import type { TraceBackend } from '../src/backend/trace-backend';
import { combineBackends } from '../src/backend/combine-backends';
import type { TraceproofConfig } from '../src/config';
import { processGlobal } from '../src/util/process-global';
import { parseBackendSpec } from './from-spec';
import { memoryBackend } from './memory';
import { otlpReceiverBackend } from './otlp';

const opened = processGlobal<Map<unknown, TraceBackend>>('backends');

function cached(key: unknown, make: () => TraceBackend): TraceBackend {
  const cache = opened.getOrSet(() => new Map());
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
export function resolveBackend(config: Pick<TraceproofConfig, 'backend'>, env: NodeJS.ProcessEnv = process.env): TraceBackend {
  const configured = config.backend;
  const receiverUrl = env.TRACEPROOF_RECEIVER_URL;
  const primary =
    typeof configured === 'string'
      ? cached(configured, () => parseBackendSpec(configured))
      : (configured ?? (receiverUrl ? cached(`otlp:${receiverUrl}`, () => otlpReceiverBackend({ url: receiverUrl })) : undefined));
  return primary ? combineBackends([inProcessBackend(), primary]) : inProcessBackend();
}

/** Closes every backend this realm opened. */
export async function closeBackends(): Promise<void> {
  const cache = opened.get();
  if (!cache) return;
  opened.clear();
  await Promise.all([...cache.values()].map((b) => b.close?.()));
}
