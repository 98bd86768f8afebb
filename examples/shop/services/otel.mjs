// OpenTelemetry bootstrap for the shop's Node services, loaded before the service with
//   node --import ./otel.mjs gateway.mjs
// It is what a real service would ship: the official Node SDK, HTTP server and undici/fetch
// client instrumentation, OTLP/protobuf export to OTEL_EXPORTER_OTLP_ENDPOINT.
//
// SHOP_SPAN_PROCESSOR picks how ended spans leave the process:
//   simple (default) - each span is exported the moment it ends; lowest latency, best for tests
//   batch            - BatchSpanProcessor; honours OTEL_BSP_SCHEDULE_DELAY (SDK default 5000 ms)
// docs/exporter-settings.md has the measurements behind this default.
//
// The tracer provider and the two instrumentations the shop uses, named one by one, rather than
// @opentelemetry/sdk-node with getNodeAutoInstrumentations(): those load ~830 files (every
// instrumentation, metrics and logs SDKs, all exporters) where this loads a third of that, and a
// service's start-up is CPU spent while the test run waits for /health. On a loaded CI machine
// that cost is multiplied by the load. Add instrumentations here as a service needs them.
import { register } from 'node:module';
import { DiagConsoleLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

// OTEL_LOG_LEVEL (the standard variable: error, warn, info, debug, verbose) shows what the SDK does,
// export retries and failures among it, in the service's log.
const logLevel = DiagLogLevel[process.env.OTEL_LOG_LEVEL?.toUpperCase() ?? ''];
if (logLevel !== undefined) diag.setLogger(new DiagConsoleLogger(), { logLevel });

// ESM services import node:http, which require hooks never see: the loader hook lets the HTTP
// instrumentation patch it. Limited to node:http so no other module pays for the hook.
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ['node:http', 'http'] } });

// With a SimpleSpanProcessor every span is its own export. The exporter allows 30 exports in
// flight and silently drops the rest ("Concurrent export limit reached"): a busy service under
// a parallel test suite would lose spans. Raise the limit so the processor, not the
// exporter, decides what is sent.
const exporter = new OTLPTraceExporter({ concurrencyLimit: 10_000 });
const processor = process.env.SHOP_SPAN_PROCESSOR === 'batch' ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);

const provider = new NodeTracerProvider({
  // service.name from OTEL_SERVICE_NAME (set by whoever starts the service) and
  // OTEL_RESOURCE_ATTRIBUTES; host/process detection adds nothing here.
  resource: detectResources({ detectors: [envDetector] }),
  spanProcessors: [processor],
});
// The AsyncLocalStorage context manager and the W3C tracecontext + baggage propagators.
provider.register();
registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/health' }), new UndiciInstrumentation()],
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Flush spans still in the processor so the last request of a test run is not lost.
  await provider.shutdown().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
