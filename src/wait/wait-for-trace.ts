import type { TraceBackend } from '../backend/trace-backend';
import { BackendError } from '../errors';
import { timeoutSignal } from '../util/timeout-signal';
import { Trace } from '../trace/trace';
import { assessSettled, type SettledState } from './assess-settled';
import { Backoff } from './backoff';
import { sleep } from './sleep';

export interface WaitForTraceOptions {
  /** Epoch milliseconds after which waiting stops. */
  readonly deadline: number;
  readonly quietWindowMs: number;
  readonly rootParentSpanId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /**
   * When the span count was last seen to change, shared by every wait on the same trace, so a
   * second assertion does not wait out a quiet window that has already passed.
   */
  readonly observed?: ObservedSize | undefined;
}

export interface ObservedSize {
  size: number;
  changedAt: number;
  /** The longest wait seen between two arrivals of new spans of this trace. */
  largestGapMs: number;
}

/**
 * Spans of a trace arrive in several exports; when the system is loaded, the gaps between them
 * grow. Settling waits at least this many times the longest gap seen so far.
 */
const GAP_FACTOR = 2;

/** What waiting ended with: the last snapshot and whether the trace was settled. */
export interface WaitOutcome {
  readonly trace: Trace;
  readonly settled: SettledState;
  /** The deadline passed (or the test was aborted) before the trace was done or settled. */
  readonly timedOut: boolean;
  readonly waitedMs: number;
}

/**
 * Fetches a trace until `isDone` says the snapshot answers the question, the trace settles, or
 * the deadline passes. Push-capable backends are awaited on change; others polled with backoff.
 */
export async function waitForTrace(
  backend: TraceBackend,
  traceId: string,
  isDone: (trace: Trace) => boolean,
  options: WaitForTraceOptions,
): Promise<WaitOutcome> {
  const started = Date.now();
  const backoff = new Backoff();
  let version = -1;
  const traceOptions = { traceId, triggerSpanId: options.rootParentSpanId, foldsNameCase: backend.foldsNameCase };
  let trace = new Trace([], traceOptions);
  const observed = options.observed ?? { size: 0, changedAt: started, largestGapMs: 0 };
  for (;;) {
    const remaining = options.deadline - Date.now();
    const fetchLimit = timeoutSignal(options.signal, Math.max(1, remaining));
    const spans = await backend
      .fetchTrace(traceId, fetchLimit.signal)
      .catch((error: unknown) => {
        if (!fetchLimit.signal.aborted || options.signal?.aborted) throw error;
        throw new BackendError(
          backend.name,
          `Fetching trace ${traceId} did not finish before the trace deadline (${Math.max(0, remaining)} ms left). The backend is slow or unreachable; check it is up, or raise the trace timeout.`,
          { cause: error },
        );
      })
      .finally(fetchLimit.dispose);
    if (spans.length !== trace.size) {
      trace = new Trace(spans, traceOptions);
      if (spans.length !== observed.size) {
        const now = Date.now();
        if (observed.size > 0) observed.largestGapMs = Math.max(observed.largestGapMs, now - observed.changedAt);
        observed.size = spans.length;
        observed.changedAt = now;
        backoff.reset();
      }
    }
    const now = Date.now();
    const settled = assessSettled(trace, {
      quietForMs: now - observed.changedAt,
      quietWindowMs: Math.max(options.quietWindowMs, GAP_FACTOR * observed.largestGapMs),
    });
    const timedOut = now >= options.deadline || options.signal?.aborted === true;
    if (isDone(trace) || settled.settled || timedOut) {
      return { trace, settled, timedOut: timedOut && !settled.settled, waitedMs: now - started };
    }
    const budget = Math.min(options.deadline - now, settled.recheckInMs ?? Number.POSITIVE_INFINITY);
    if (backend.waitForChange) {
      const waitLimit = timeoutSignal(options.signal, Math.max(1, budget));
      version = await backend
        .waitForChange(traceId, version, waitLimit.signal)
        .catch(() => version)
        .finally(waitLimit.dispose);
    } else {
      await sleep(Math.min(backoff.next(), budget), options.signal);
    }
  }
}
