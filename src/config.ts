import type { TraceBackend } from './backend/trace-backend';
import { toMilliseconds, type Duration } from './util/duration';
import { processGlobal } from './util/process-global';

/** Settings shared by every trace test in a process. */
export interface TraceproofConfig {
  /**
   * Where traces are read from, besides the spans this process makes itself. A backend, or a
   * spec such as `jaeger+http://127.0.0.1:16686`. Env: `TRACEPROOF_BACKEND`.
   * @default the embedded receiver when its global setup ran, else in-process spans only
   */
  backend?: TraceBackend | string | undefined;
  /**
   * How long after a trigger its trace may take to arrive and settle. Keep it below the test timeout.
   * Env: `TRACEPROOF_TIMEOUT`.
   * @default '4s'
   */
  timeout: Duration;
  /**
   * How long no new span may arrive before a trace counts as settled. Env: `TRACEPROOF_QUIET_WINDOW`.
   * @default '150ms'
   */
  quietWindow: Duration;
  /** Attribute keys whose values failure messages print as `[redacted]`, besides the usual secrets. */
  redact: readonly (string | RegExp)[];
}

const current = processGlobal<TraceproofConfig>('config');

function defaults(): TraceproofConfig {
  return {
    backend: process.env.TRACEPROOF_BACKEND || undefined,
    timeout: process.env.TRACEPROOF_TIMEOUT ?? '4s',
    quietWindow: process.env.TRACEPROOF_QUIET_WINDOW ?? '150ms',
    redact: [],
  };
}

/** The configuration in force (kept on `globalThis`, so every entry point sees the same one). */
export function getConfig(): TraceproofConfig {
  return current.getOrSet(defaults);
}

/**
 * Changes settings for every trace test in this process; returns the result.
 * @example configure({ backend: 'jaeger+http://127.0.0.1:16686', timeout: '10s' })
 */
export function configure(changes: Partial<TraceproofConfig>): TraceproofConfig {
  const next = { ...getConfig(), ...changes };
  toMilliseconds(next.timeout, 'timeout');
  toMilliseconds(next.quietWindow, 'quietWindow');
  return current.set(next);
}

/** Restores the defaults (env vars included). */
export function resetConfig(): void {
  current.clear();
}
