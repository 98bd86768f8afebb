/**
 * Why a trace's spans usually never arrive, each with its fix; `extra` are causes only the
 * caller can know (a runner's own traps), listed last.
 */
export function likelyCausesOfMissingTrace(extra: readonly string[] = []): string[] {
  return [
    'the exporter batches spans: set OTEL_BSP_SCHEDULE_DELAY=50 in the service, or use a SimpleSpanProcessor in tests',
    'the service exports elsewhere: check OTEL_EXPORTER_OTLP_ENDPOINT (and TRACEPROOF_BACKEND for where traceproof reads)',
    'a sampler dropped the trace: set OTEL_TRACES_SAMPLER=parentbased_always_on',
    'the request never reached an instrumented service, or a proxy dropped the traceparent header',
    ...extra,
  ];
}
