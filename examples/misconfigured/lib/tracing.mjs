// OpenTelemetry bootstrap for the misconfigured examples' services, loaded before the service:
//   node --import ../lib/tracing.mjs server.mjs
// The official Node SDK pieces a service ships (tracer provider, HTTP server and undici/fetch
// client instrumentation, OTLP/protobuf export to OTEL_EXPORTER_OTLP_ENDPOINT), with the knobs
// each example turns the wrong way:
//   MISCONF_IMPORT_HOOK=off    no loader hook: an ESM service's `import http from 'node:http'` stays unpatched
//   MISCONF_PROCESSOR=batch    BatchSpanProcessor, which honours OTEL_BSP_SCHEDULE_DELAY (SDK default 5000 ms)
//   MISCONF_QUIET_HEADER=name  a request carrying that header is not sampled (its trace is dropped here)
// The standard OTEL_TRACES_SAMPLER and OTEL_EXPORTER_OTLP_ENDPOINT are read by the SDK itself.
import { register } from 'node:module';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  AlwaysOnSampler,
  SamplingDecision,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

if (process.env.MISCONF_IMPORT_HOOK !== 'off') {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ['node:http', 'http'] } });
}

const exporter = new OTLPTraceExporter({ concurrencyLimit: 10_000 });
const processor = process.env.MISCONF_PROCESSOR === 'batch' ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);

const quietHeader = process.env.MISCONF_QUIET_HEADER?.toLowerCase();
/** Samples as parentbased_always_on, except the server span of a request that carries the quiet header. */
const quietSampler = {
  inner: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
  shouldSample(context, traceId, name, kind, attributes, links) {
    if (attributes['misconf.quiet'] === true) return { decision: SamplingDecision.NOT_RECORD };
    return this.inner.shouldSample(context, traceId, name, kind, attributes, links);
  },
  toString: () => `QuietSampler(${quietHeader})`,
};

const provider = new NodeTracerProvider({
  resource: detectResources({ detectors: [envDetector] }),
  spanProcessors: [processor],
  ...(quietHeader ? { sampler: quietSampler } : {}),
});
provider.register();
registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => req.url === '/health',
      // Attributes given at span start are what a sampler sees.
      startIncomingSpanHook: (req) => (quietHeader && req.headers[quietHeader] !== undefined ? { 'misconf.quiet': true } : {}),
    }),
    new UndiciInstrumentation(),
  ],
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await provider.shutdown().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
