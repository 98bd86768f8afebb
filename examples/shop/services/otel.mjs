// OpenTelemetry bootstrap for the shop's Node services, loaded before the service with
//   node --import ./otel.mjs gateway.mjs
// It is what a real service would ship: the official Node SDK, HTTP server and undici/fetch
// client instrumentation, OTLP/protobuf export to OTEL_EXPORTER_OTLP_ENDPOINT.
//
// SHOP_SPAN_PROCESSOR picks how ended spans leave the process:
//   simple (default) - each span is exported the moment it ends; lowest latency, best for tests
//   batch            - BatchSpanProcessor; honours OTEL_BSP_SCHEDULE_DELAY (SDK default 5000 ms)
// docs/exporter-settings.md has the measurements behind this default.
import { register } from 'node:module';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { envDetector } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

// ESM services import node:http, which require hooks never see: the loader hook lets the HTTP
// instrumentation patch it. Limited to node:http so no other module pays for the hook.
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ['node:http', 'http'] } });

// With a SimpleSpanProcessor every span is its own export. The exporter allows 30 exports in
// flight and silently drops the rest ("Concurrent export limit reached"): a busy service under
// a parallel test suite would lose spans. Raise the limit so the processor, not the
// exporter, decides what is sent.
const exporter = new OTLPTraceExporter({ concurrencyLimit: 10_000 });
const processor = process.env.SHOP_SPAN_PROCESSOR === 'batch' ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);

// Only what the shop uses: keeps startup fast and traces free of fs/dns/net noise. The
// standard variable, so a run can widen it.
process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS ??= 'http,undici';

const sdk = new NodeSDK({
  // service.name comes from OTEL_SERVICE_NAME, set by whoever starts the service.
  spanProcessors: [processor],
  instrumentations: [
    getNodeAutoInstrumentations({
      '@opentelemetry/instrumentation-http': { ignoreIncomingRequestHook: (req) => req.url === '/health' },
    }),
  ],
  // No metrics or logs pipelines: the shop demonstrates traces only.
  metricReaders: [],
  logRecordProcessors: [],
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES only; host/process detection adds nothing here.
  resourceDetectors: [envDetector],
});
sdk.start();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Flush spans still in the processor so the last request of a test run is not lost.
  await sdk.shutdown().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
