import { offeredTracing } from '../in-process/shared-tracing';

const underJestSandbox = (): boolean => process.env.JEST_WORKER_ID !== undefined && offeredTracing() === undefined;

/** Why a trace's spans usually never arrive, each with its fix. */
export function likelyCausesOfMissingTrace(): string[] {
  return [
    'the exporter batches spans: set OTEL_BSP_SCHEDULE_DELAY=50 in the service, or use a SimpleSpanProcessor in tests',
    'the service exports elsewhere: check OTEL_EXPORTER_OTLP_ENDPOINT (and TRACEPROOF_BACKEND for where traceproof reads)',
    'a sampler dropped the trace: set OTEL_TRACES_SAMPLER=parentbased_always_on',
    'the request never reached an instrumented service, or a proxy dropped the traceparent header',
    ...(underJestSandbox()
      ? [
          "under Jest, instrumentations registered in test files or setup files cannot patch the modules your code uses: set testEnvironment: 'traceproof/jest/environment' and list them in testEnvironmentOptions.traceproof.instrument",
        ]
      : []),
  ];
}
