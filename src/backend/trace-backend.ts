import type { Span } from '../trace/span';
import type { TraceSearch, TraceSearchAnswer } from './trace-search';

/**
 * Where traces are read from. One small interface for every store: the in-process
 * memory store, the embedded OTLP receiver, Jaeger, Tempo, Zipkin.
 */
export interface TraceBackend {
  /** Short name used in messages, e.g. `jaeger`. */
  readonly name: string;
  /**
   * The spans of one trace as the backend has them now; `[]` while the trace is unknown.
   * Throws a {@link BackendError} when the backend cannot be asked (down, bad answer).
   */
  fetchTrace(traceId: string, signal: AbortSignal): Promise<readonly Span[]>;
  /**
   * Resolves when the trace may have changed since `version` (or at once when it already has),
   * with the new version; `-1` asks for the current version at once. Versions start at 0 for an
   * unknown trace and only grow. Push-capable backends implement it; the others are polled.
   */
  waitForChange?(traceId: string, version: number, signal: AbortSignal): Promise<number>;
  /**
   * The backend stores span and service names lower-cased (Zipkin): selectors then compare
   * names without regard to case, so `name: 'POST /orders'` still finds `post /orders`.
   */
  readonly foldsNameCase?: boolean;
  /**
   * Traces whose spans arrived in a time window (or started in it, where the backend does not
   * record arrival), with their top spans: the evidence behind a missing or broken trace.
   * Backends without a search leave it out, and messages say "not checked".
   */
  findTraces?(search: TraceSearch, signal: AbortSignal): Promise<TraceSearchAnswer>;
  /** Deep link to the trace in the backend's UI, for failure messages. */
  traceUrl?(traceId: string): string | undefined;
  close?(): Promise<void>;
}
