import { formatMilliseconds } from '../util/duration';
import type { PendingTrace } from './pending-trace';
import type { WaitOutcome } from './wait-for-trace';

/** The message for a trace of which nothing arrived: what was waited for, where, and the usual causes. */
export function describeMissingTrace(pending: PendingTrace, outcome: WaitOutcome): string {
  return [
    `No span of trace ${pending.traceId} arrived at the ${pending.backend.name} backend within ${formatMilliseconds(outcome.waitedMs)}.`,
    'Likely causes:',
    '  - the exporter batches spans: set OTEL_BSP_SCHEDULE_DELAY=50 in the service, or use a SimpleSpanProcessor in tests;',
    '  - the service exports elsewhere: check OTEL_EXPORTER_OTLP_ENDPOINT (and TRACEPROOF_BACKEND for where traceproof reads);',
    '  - a sampler dropped the trace: set OTEL_TRACES_SAMPLER=parentbased_always_on;',
    '  - the request never reached an instrumented service, or a proxy dropped the traceparent header.',
  ].join('\n');
}
