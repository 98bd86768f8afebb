import type { TraceBackend } from '../backend/trace-backend';
import { TraceproofError } from '../errors';
import { timeoutSignal } from '../util/timeout-signal';
import type { Trace } from '../trace/trace';
import { describeMissingTrace } from './describe-missing-trace';
import { likelyCausesOfMissingTrace } from './likely-causes';
import { waitForTrace, type ObservedSize, type WaitOutcome } from './wait-for-trace';
import type { AssertionLedger } from './assertion-ledger';
import type { TriggerFacts } from '../diagnose/trigger-facts';
import type { Evidence } from '../diagnose/evidence';
import { gatherEvidence } from '../diagnose/gather-evidence';
import { describeEvidence } from '../diagnose/describe-evidence';

const PENDING_TRACE = Symbol.for('traceproof.PendingTrace');

export interface PendingTraceOptions {
  readonly backend: TraceBackend;
  /** Epoch milliseconds after which assertions stop waiting. */
  readonly deadline: number;
  readonly quietWindowMs: number;
  /** The parent span id the trigger sent in `traceparent` without exporting a span for it. */
  readonly rootParentSpanId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Causes of a missing trace only the caller can know (the runner's own traps), with their fixes. */
  readonly likelyCauses?: readonly string[] | undefined;
  /** The trace was started elsewhere, below a caller span that may never be exported (`traceId()`). */
  readonly callerSpanUnknown?: boolean | undefined;
  /** Hosts outside the system under test: calls to them are not waited for. */
  readonly external?: readonly (string | RegExp)[] | undefined;
  /** Settle on proof of completeness before the quiet window (experimental). @default false */
  readonly settleOnEvidence?: boolean | undefined;
  /** Epoch milliseconds by which a failure must be reported: the evidence search ends before it. */
  readonly reportBy?: number | undefined;
  /** The request that started the trace, for diagnosing it. */
  readonly trigger?: TriggerFacts | undefined;
  /** The test's record of its trace assertions, to fail it for those it did not await. */
  readonly ledger?: AssertionLedger | undefined;
}

/**
 * A trace that is still arriving: a trace id and the backend to read it from. Matchers accept
 * it (`await expect(res.trace).toHaveSpan(...)`) and wait exactly as long as the question needs.
 */
export class PendingTrace {
  readonly [PENDING_TRACE] = true;
  readonly #created = Date.now();
  readonly #observed: ObservedSize = { size: 0, changedAt: this.#created, largestGapMs: 0 };

  constructor(
    readonly traceId: string,
    readonly options: PendingTraceOptions,
  ) {}

  get backend(): TraceBackend {
    return this.options.backend;
  }

  /** Deep link to the trace in the backend's UI, when the backend has one. */
  get url(): string | undefined {
    return this.options.backend.traceUrl?.(this.traceId);
  }

  /** Why a trace of which nothing arrived usually does not, each with its fix. */
  likelyCauses(): string[] {
    return likelyCausesOfMissingTrace(this.options.likelyCauses);
  }

  /**
   * The same trace, for assertions that count these hosts (`host`, `host:port` or a RegExp) as
   * outside the system under test, besides those configured: calls to them are not waited for.
   * @example await expect(res.trace.withExternal(['api.stripe.com'])).not.toHaveErrors()
   */
  withExternal(hosts: readonly (string | RegExp)[]): PendingTrace {
    return new PendingTrace(this.traceId, { ...this.options, external: [...(this.options.external ?? []), ...hosts] });
  }

  /** Waits until `isDone` holds for a snapshot, the trace settles, or the deadline passes. */
  until(isDone: (trace: Trace) => boolean): Promise<WaitOutcome> {
    return waitForTrace(this.options.backend, this.traceId, isDone, { ...this.options, observed: this.#observed });
  }

  /**
   * What the backend saw around this trace (other traces of the same request, exports since
   * the trigger, export delays), searched within the time left to report; undefined when the
   * backend has no search or no time is left.
   */
  async evidence(arrived: Trace): Promise<Evidence | undefined> {
    const budget = (this.options.reportBy ?? Date.now()) - Date.now();
    if (budget <= 0) return undefined;
    const limit = timeoutSignal(undefined, budget);
    try {
      const trigger = this.options.trigger ?? { traceId: this.traceId, startedAt: this.#created };
      return await gatherEvidence(this.backend, trigger, arrived, limit.signal);
    } finally {
      limit.dispose();
    }
  }

  /**
   * The trace once it has settled (root ended, parents present, quiet window passed), or as it
   * is at the deadline. Throws when not a single span arrived.
   */
  async settled(): Promise<Trace> {
    const outcome = await this.until(() => false);
    if (outcome.trace.size === 0) {
      const evidence = await this.evidence(outcome.trace);
      throw new TraceproofError(
        describeMissingTrace({
          traceId: this.traceId,
          backendName: this.backend.name,
          waitedMs: outcome.waitedMs,
          likelyCauses: this.likelyCauses(),
          evidence: evidence && describeEvidence(evidence),
        }),
      );
    }
    return outcome.trace;
  }

  /** The spans that have arrived so far, without waiting. */
  async snapshot(): Promise<Trace> {
    return (await waitForTrace(this.options.backend, this.traceId, () => true, { ...this.options, observed: this.#observed })).trace;
  }

  toString(): string {
    return `PendingTrace(${this.traceId} from ${this.options.backend.name})`;
  }

  toJSON(): object {
    return { traceId: this.traceId, backend: this.options.backend.name };
  }
}

/** Whether a value is a {@link PendingTrace}, also across module copies (ESM/CJS, Jest registries). */
export function isPendingTrace(value: unknown): value is PendingTrace {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PENDING_TRACE] === true;
}
