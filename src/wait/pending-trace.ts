import type { TraceBackend } from '../backend/trace-backend';
import { TraceproofError } from '../errors';
import type { Trace } from '../trace/trace';
import { describeMissingTrace } from './describe-missing-trace';
import { likelyCausesOfMissingTrace } from './likely-causes';
import { waitForTrace, type ObservedSize, type WaitOutcome } from './wait-for-trace';

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
}

/**
 * A trace that is still arriving: a trace id and the backend to read it from. Matchers accept
 * it (`await expect(res.trace).toHaveSpan(...)`) and wait exactly as long as the question needs.
 */
export class PendingTrace {
  readonly [PENDING_TRACE] = true;
  readonly #observed: ObservedSize = { size: 0, changedAt: Date.now(), largestGapMs: 0 };

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

  /** Waits until `isDone` holds for a snapshot, the trace settles, or the deadline passes. */
  until(isDone: (trace: Trace) => boolean): Promise<WaitOutcome> {
    return waitForTrace(this.options.backend, this.traceId, isDone, { ...this.options, observed: this.#observed });
  }

  /**
   * The trace once it has settled (root ended, parents present, quiet window passed), or as it
   * is at the deadline. Throws when not a single span arrived.
   */
  async settled(): Promise<Trace> {
    const outcome = await this.until(() => false);
    if (outcome.trace.size === 0) {
      throw new TraceproofError(
        describeMissingTrace({
          traceId: this.traceId,
          backendName: this.backend.name,
          waitedMs: outcome.waitedMs,
          likelyCauses: this.likelyCauses(),
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
