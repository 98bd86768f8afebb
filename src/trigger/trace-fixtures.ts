import type { Trace } from '../trace/trace';
import { createHttpTrigger, type HttpTrigger } from './http-trigger';
import { runTraced } from './run-traced';
import { isTraceId } from './traceparent';
import { TraceproofError } from '../errors';
import { pendingTraceIn, type TraceSession } from './trace-session';
import type { PendingTrace } from '../wait/pending-trace';

/** What `traceTest` hands each test. */
export interface TraceFixtures {
  /** HTTP requests that each start a fresh trace: `const res = await http.post(url, { json })`, then `res.trace`. */
  readonly http: HttpTrigger;
  /** Runs a function inside a new root span and resolves with its settled trace. */
  readonly run: (fn: () => unknown, name?: string) => Promise<Trace>;
  /** A pending trace for an id started elsewhere (a browser, a queue consumer, a log line). */
  readonly traceId: (id: string) => PendingTrace;
  /** Every trace this test triggered so far. */
  readonly traces: readonly PendingTrace[];
}

export function createTraceFixtures(session: TraceSession): TraceFixtures {
  return {
    http: createHttpTrigger(session),
    run: (fn, name) => runTraced(session, fn, name),
    traceId: (id) => {
      const normalized = id.toLowerCase();
      if (!isTraceId(normalized)) {
        throw new TraceproofError(`"${id}" is not a W3C trace id: expected 32 hex characters, not all zero.`);
      }
      return pendingTraceIn(session, { traceId: normalized, startedAt: Date.now() }, { callerSpanUnknown: true });
    },
    traces: session.traces,
  };
}
