import { setMaxListeners } from 'node:events';
import type { TraceBackend } from '../backend/trace-backend';
import type { TriggerFacts } from '../diagnose/trigger-facts';
import { AssertionLedger } from '../wait/assertion-ledger';
import { PendingTrace } from '../wait/pending-trace';

/**
 * Time kept between a trace's deadline and the end of its test: a last fetch, the evidence
 * search and printing the failure, so it arrives before the runner's own timeout.
 */
export const REPORT_RESERVE_MS = 600;
/** Of that reserve, what printing the failure keeps after the evidence search. */
const PRINT_RESERVE_MS = 150;
/** How long the evidence search may take after the deadline when no test end is known. */
const REPORT_BUDGET_OUTSIDE_TEST_MS = 1000;

/** What every trigger of one test shares: where to read traces, how long to wait, when to stop. */
export interface TraceSession {
  readonly backend: TraceBackend;
  /** How long after its trigger a trace may take. */
  readonly timeoutMs: number;
  /** Epoch milliseconds when the runner ends the test; no trace deadline runs past it. */
  readonly testEndsAt?: number | undefined;
  readonly quietWindowMs: number;
  /** Aborted when the test ends or times out. */
  readonly signal?: AbortSignal | undefined;
  /** Every trace triggered in this test so far, for failure reports. */
  readonly traces: PendingTrace[];
  /** Causes of a missing trace that only the caller can know (the runner's own traps), with their fixes. */
  readonly likelyCauses: readonly string[];
  readonly external: readonly (string | RegExp)[];
  readonly settleOnEvidence: boolean;
  /** Trace assertions made in this test, to fail the test for those it did not await. */
  readonly ledger: AssertionLedger;
}

/** How a session reads and waits; the caller has already chosen the backend. */
export interface TraceSessionSettings {
  readonly backend: TraceBackend;
  readonly timeoutMs: number;
  readonly testEndsAt?: number | undefined;
  readonly quietWindowMs: number;
  readonly likelyCauses?: readonly string[] | undefined;
  /** Hosts outside the system under test: calls to them are not waited for. */
  readonly external?: readonly (string | RegExp)[] | undefined;
  /** Settle on proof of completeness before the quiet window (experimental). @default false */
  readonly settleOnEvidence?: boolean | undefined;
}

export function openTraceSession(settings: TraceSessionSettings, signal?: AbortSignal): TraceSession {
  return {
    backend: settings.backend,
    timeoutMs: settings.timeoutMs,
    testEndsAt: settings.testEndsAt,
    quietWindowMs: settings.quietWindowMs,
    signal: signal && manyListenerSignal(signal),
    traces: [],
    likelyCauses: settings.likelyCauses ?? [],
    external: settings.external ?? [],
    settleOnEvidence: settings.settleOnEvidence ?? false,
    ledger: new AssertionLedger(),
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

/** Where a trace's spans hang: below a parent the trigger sent, or below a caller span it cannot know. */
export type TraceOrigin = { readonly rootParentSpanId: string } | { readonly callerSpanUnknown: true } | undefined;

/**
 * A pending trace read through the session, its deadline counted from now and ending before
 * the test does.
 */
export function pendingTraceIn(session: TraceSession, trigger: TriggerFacts, origin?: TraceOrigin): PendingTrace {
  const now = Date.now();
  const ends = session.testEndsAt;
  const deadline = Math.min(now + session.timeoutMs, ends === undefined ? Number.POSITIVE_INFINITY : ends - REPORT_RESERVE_MS);
  const pending = new PendingTrace(trigger.traceId, {
    backend: session.backend,
    deadline: Math.max(now, deadline),
    reportBy: ends === undefined ? Math.max(now, deadline) + REPORT_BUDGET_OUTSIDE_TEST_MS : ends - PRINT_RESERVE_MS,
    quietWindowMs: session.quietWindowMs,
    rootParentSpanId: origin && 'rootParentSpanId' in origin ? origin.rootParentSpanId : undefined,
    callerSpanUnknown: origin !== undefined && 'callerSpanUnknown' in origin,
    signal: session.signal,
    likelyCauses: session.likelyCauses,
    external: session.external,
    settleOnEvidence: session.settleOnEvidence,
    trigger,
    ledger: session.ledger,
  });
  session.traces.push(pending);
  return pending;
}
