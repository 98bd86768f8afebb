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
   * How long after a trigger its trace may take to arrive and settle. Inside `traceTest` the
   * deadline never runs past the test's own timeout (less the time to print the failure), and a
   * timeout longer than the test's gives the test a timeout that fits it (unless the test names
   * its own). Env: `TRACEPROOF_TIMEOUT`.
   * @default what is left of the test's timeout; 4 s outside a runner
   */
  timeout?: Duration | undefined;
  /**
   * Hosts outside the system under test (`host`, `host:port` or a RegExp over `host:port`):
   * a call to them is not expected to report spans, so traces do not wait for it.
   */
  external: readonly (string | RegExp)[];
  /**
   * Settle a trace as soon as its completeness is proven from the run's evidence (every call
   * answered, three times each service's longest export delay passed since the last span ended),
   * before the quiet window. Experimental: an export retried by the SDK arrives later than any
   * delay seen, so it is off unless asked for.
   * @default false
   */
  settleOnEvidence: boolean;
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
    timeout: process.env.TRACEPROOF_TIMEOUT || undefined,
    quietWindow: process.env.TRACEPROOF_QUIET_WINDOW ?? '150ms',
    redact: [],
    external: [],
    settleOnEvidence: process.env.TRACEPROOF_SETTLE_ON_EVIDENCE === 'true',
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
  if (next.timeout !== undefined) toMilliseconds(next.timeout, 'timeout');
  toMilliseconds(next.quietWindow, 'quietWindow');
  return current.set(next);
}

/** Restores the defaults (env vars included). */
export function resetConfig(): void {
  current.clear();
}
