import { context, SpanKind } from '@opentelemetry/api';
import { TraceproofError } from '../errors';
import type { Trace } from '../trace/trace';
import { startRootSpan } from './start-root-span';
import { pendingTraceIn, type TraceSession } from './trace-session';

/**
 * Runs `fn` inside a new root span and resolves with its trace once settled. Needs a tracer
 * provider in this process (traceproof's setup installs one). When `fn` throws, the error is
 * rethrown after the span ended, with `traceId` set on it.
 */
export async function runTraced(session: TraceSession, fn: () => unknown, name = 'run'): Promise<Trace> {
  const root = startRootSpan(name, SpanKind.INTERNAL, {});
  if (!root) {
    throw new TraceproofError(
      'run() needs an OpenTelemetry tracer provider in this process, and none is registered. Load traceproof/vitest or traceproof/jest as a setup file (it installs one), or add TraceproofSpanProcessor to your own provider.',
    );
  }
  const trace = pendingTraceIn(session, { traceId: root.traceId, startedAt: Date.now() });
  try {
    await context.with(root.context, fn);
  } catch (error) {
    root.end({ error });
    if (error instanceof Error) Object.assign(error, { traceId: root.traceId });
    throw error;
  }
  root.end({});
  return trace.settled();
}
