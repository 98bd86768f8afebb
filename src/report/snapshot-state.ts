import type { Trace } from '../trace/trace';
import type { SettledState } from '../wait/assess-settled';

/** Everything a failure message can say about how a trace snapshot was obtained. */
export interface SnapshotState {
  readonly trace: Trace;
  /** Undefined when a matcher was given a Trace, not a pending one. */
  readonly settled?: SettledState | undefined;
  readonly timedOut: boolean;
  readonly waitedMs?: number | undefined;
  /** The verdict was final before the trace settled: more spans could not have changed it. */
  readonly decidedEarly?: boolean | undefined;
  readonly url?: string | undefined;
  /** Why a trace of which nothing arrived usually does not: shown when the snapshot is empty. */
  readonly likelyCauses?: readonly string[] | undefined;
  /**
   * The verdict would have passed, but the trace had not settled by the deadline: spans still
   * missing could have changed it, so the assertion fails as unconfirmed.
   */
  readonly unconfirmed?: boolean | undefined;
  /** What the backend saw around a missing or broken trace, as message lines. */
  readonly evidence?: readonly string[] | undefined;
  /** The backend had not answered the last fetch when the deadline came, for this long (ms). */
  readonly unansweredMs?: number | undefined;
}
