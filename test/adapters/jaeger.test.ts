import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { jaegerBackend } from '../../adapters/jaeger';
import { FULL_CAPABILITIES, runBackendContract } from './contract';
import { runFailureModes } from './failure-modes';
import { probeBackend } from './probe-backend';

const availability = await probeBackend('TRACEPROOF_JAEGER_URL', '/api/services');
const url = availability.available ? availability.url : '';
const otlpUrl = process.env.TRACEPROOF_JAEGER_OTLP_URL ?? 'http://127.0.0.1:14318';
const exporter = () => new OTLPTraceExporter({ url: `${otlpUrl}/v1/traces` });

runBackendContract({
  name: 'Jaeger',
  script: 'jaeger',
  availability,
  backend: () => jaegerBackend({ url }),
  exporter,
  capabilities: FULL_CAPABILITIES,
});

// The same trace through Jaeger's own v1 JSON: its model has no array attributes, no link
// attributes, and microsecond times.
runBackendContract({
  name: 'Jaeger v1 API',
  script: 'jaeger',
  availability,
  backend: () => jaegerBackend({ url, api: 'v1' }),
  exporter,
  capabilities: { ...FULL_CAPABILITIES, arrayAttributes: false, linkAttributes: false, timePrecisionNanos: 1000 },
});

runFailureModes({
  name: 'Jaeger',
  make: (base, options) => jaegerBackend({ url: base, ...options }),
  notFound: { status: 404, contentType: 'text/plain', body: () => '{"error":{"httpCode":404,"message":"No traces found"}}' },
  availability,
});
