import { setMaxListeners } from 'node:events';
import type { TraceBackend } from '../backend/trace-backend';
import { PendingTrace } from '../wait/pending-trace';

/** What every trigger of one test shares: where to read traces, how long to wait, when to stop. */
export interface TraceSession {
  readonly backend: TraceBackend;
  readonly timeoutMs: number;
  readonly quietWindowMs: number;
  /** Aborted when the test ends or times out. */
  readonly signal?: AbortSignal | undefined;
  /** Every trace triggered in this test so far, for failure reports. */
  readonly traces: PendingTrace[];
  /** Causes of a missing trace that only the caller can know (the runner's own traps), with their fixes. */
  readonly likelyCauses: readonly string[];
}

/** How a session reads and waits; the caller has already chosen the backend. */
export interface TraceSessionSettings {
  readonly backend: TraceBackend;
  readonly timeoutMs: number;
  readonly quietWindowMs: number;
  readonly likelyCauses?: readonly string[] | undefined;
}

export function openTraceSession(settings: TraceSessionSettings, signal?: AbortSignal): TraceSession {
  return {
    backend: settings.backend,
    timeoutMs: settings.timeoutMs,
    quietWindowMs: settings.quietWindowMs,
    signal: signal && manyListenerSignal(signal),
    traces: [],
    likelyCauses: settings.likelyCauses ?? [],
  };
}

/**
 * The test's signal, relayed through one listener: a test may wait on hundreds of traces at
 * once, and each wait listens for the abort.
 */
function manyListenerSignal(signal: AbortSignal): AbortSignal {
  const relay = new AbortController();
  setMaxListeners(0, relay.signal);
  if (signal.aborted) relay.abort(signal.reason);
  else signal.addEventListener('abort', () => relay.abort(signal.reason), { once: true });
  return relay.signal;
}

/** A pending trace read through the session, its deadline counted from now. */
export function pendingTraceIn(session: TraceSession, traceId: string, rootParentSpanId?: string): PendingTrace {
  const pending = new PendingTrace(traceId, {
    backend: session.backend,
    deadline: Date.now() + session.timeoutMs,
    quietWindowMs: session.quietWindowMs,
    rootParentSpanId,
    signal: session.signal,
    likelyCauses: session.likelyCauses,
  });
  session.traces.push(pending);
  return pending;
}
