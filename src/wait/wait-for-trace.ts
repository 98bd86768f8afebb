import type { TraceBackend } from '../backend/trace-backend';
import type { Span } from '../trace/span';
import { Trace } from '../trace/trace';
import { timeoutSignal } from '../util/timeout-signal';
import { assessSettled, type Callee, type SettledState } from './assess-settled';
import { Backoff } from './backoff';
import { inferCallerSpanId } from './infer-caller-span';
import { calleeAddress, isExternal, isLoopback } from './peer-address';
import { observeSpans, runObservations } from './run-observations';
import { sleep } from './sleep';

export interface WaitForTraceOptions {
  /** Epoch milliseconds after which waiting stops. */
  readonly deadline: number;
  readonly quietWindowMs: number;
  readonly rootParentSpanId?: string | undefined;
  /** The trace was started elsewhere, below a caller span that may never be exported (`traceId()`). */
  readonly callerSpanUnknown?: boolean | undefined;
  /** Hosts outside the system under test: a call to them has no child span to wait for. */
  readonly external?: readonly (string | RegExp)[] | undefined;
  /** Settle on proof of completeness before the quiet window (experimental). @default false */
  readonly settleOnEvidence?: boolean | undefined;
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
  /** Span ids already seen, so each span teaches its export delay once. */
  seen?: Set<string>;
}

/**
 * Spans of a trace arrive in several exports; when the system is loaded, the gaps between them
 * grow. Settling waits at least this many times the longest gap seen so far.
 */
const GAP_FACTOR = 2;

/**
 * How long past the deadline a fetch may run: the last fetch starts at the deadline, so that
 * spans that arrived during the last wait are in the verdict.
 */
export const FINAL_FETCH_MS = 100;

/** What waiting ended with: the last snapshot and whether the trace was settled. */
export interface WaitOutcome {
  readonly trace: Trace;
  readonly settled: SettledState;
  /** The deadline passed (or the test was aborted) before the trace was done or settled. */
  readonly timedOut: boolean;
  readonly waitedMs: number;
  /** The backend had not answered the fetch in flight when the deadline came, for this long. */
  readonly unansweredMs?: number | undefined;
}

/**
 * Fetches a trace until `isDone` says the snapshot answers the question, the trace settles, or
 * the deadline passes. Push-capable backends are awaited on change; others polled with backoff.
 * A fetch cut short by the deadline is not a backend failure: the last snapshot stands. Only the
 * backend's own failures (refused, bad answer, its own time limit) are thrown.
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
  const seen = (observed.seen ??= new Set());
  const run = runObservations();
  const callee = (span: Span): Callee => {
    const address = calleeAddress(span);
    if (address === undefined) return { kind: 'unseen', address };
    if (isExternal(address, options.external ?? [])) return { kind: 'external', address };
    const service = run.servers.get(address);
    if (service !== undefined && service !== span.service) return { kind: 'known', address, service };
    return isLoopback(address) && service === undefined ? { kind: 'local', address } : { kind: 'unseen', address };
  };
  let settled: SettledState = assessSettled(trace, { quietForMs: 0, quietWindowMs: options.quietWindowMs });
  const outcome = (timedOut: boolean, unansweredMs?: number): WaitOutcome => ({
    trace,
    settled,
    timedOut: timedOut && !settled.settled,
    waitedMs: Date.now() - started,
    ...(unansweredMs === undefined ? {} : { unansweredMs }),
  });
  for (;;) {
    const fetchStarted = Date.now();
    const fetchLimit = timeoutSignal(options.signal, Math.max(0, options.deadline - fetchStarted) + FINAL_FETCH_MS);
    let spans: readonly Span[];
    try {
      spans = await backend.fetchTrace(traceId, fetchLimit.signal);
    } catch (error) {
      if (!fetchLimit.signal.aborted) throw error;
      return outcome(true, Date.now() - fetchStarted);
    } finally {
      fetchLimit.dispose();
    }
    const now = Date.now();
    if (spans.length !== trace.size) {
      observeSpans(
        spans.filter((s) => !seen.has(s.spanId)),
        now,
        run,
      );
      for (const span of spans) seen.add(span.spanId);
      const triggerSpanId = options.rootParentSpanId ?? (options.callerSpanUnknown ? inferCallerSpanId(spans) : undefined);
      trace = new Trace(spans, { ...traceOptions, triggerSpanId });
      if (spans.length !== observed.size) {
        if (observed.size > 0) observed.largestGapMs = Math.max(observed.largestGapMs, now - observed.changedAt);
        observed.size = spans.length;
        observed.changedAt = now;
        backoff.reset();
      }
    }
    settled = assessSettled(trace, {
      quietForMs: now - observed.changedAt,
      quietWindowMs: Math.max(options.quietWindowMs, GAP_FACTOR * observed.largestGapMs),
      now,
      callee,
      exportDelayMs: options.settleOnEvidence !== true ? undefined : (service) => run.exportDelayMs.get(service),
    });
    if (trace.triggerSpanId !== undefined && options.callerSpanUnknown) {
      settled = {
        ...settled,
        notes: [
          ...settled.notes,
          `the parent ${trace.triggerSpanId} of the earliest span never arrived: taken as the caller's own span, which was not exported`,
        ],
      };
    }
    const timedOut = now >= options.deadline || options.signal?.aborted === true;
    if (isDone(trace) || settled.settled || timedOut) return outcome(timedOut);
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
