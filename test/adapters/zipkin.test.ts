import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { zipkinBackend } from '../../adapters/zipkin';
import { FULL_CAPABILITIES, runBackendContract } from './contract';
import { runFailureModes } from './failure-modes';
import { probeBackend } from './probe-backend';
import { wholeMicrosecondExporter } from './whole-microsecond-exporter';

const availability = await probeBackend('TRACEPROOF_ZIPKIN_URL', '/health');
const url = availability.available ? availability.url : '';

// Zipkin has no OTLP receiver: services use OpenTelemetry's Zipkin exporter, which sends each
// resource's service.name as the local endpoint and every attribute as a string tag. Start times
// are sent as whole microseconds: see wholeMicrosecondExporter.
runBackendContract({
  name: 'Zipkin',
  script: 'zipkin',
  availability,
  backend: () => zipkinBackend({ url }),
  exporter: () => wholeMicrosecondExporter(new ZipkinExporter({ url: `${url}/api/v2/spans` })),
  capabilities: {
    ...FULL_CAPABILITIES,
    caseSensitiveNames: false,
    typedAttributes: false,
    arrayAttributes: false,
    eventAttributes: false,
    links: false,
    linkAttributes: false,
    scope: false,
    timePrecisionNanos: 1000,
  },
});

runFailureModes({
  name: 'Zipkin',
  make: (base, options) => zipkinBackend({ url: base, ...options }),
  notFound: { status: 404, contentType: 'text/*', body: (id) => `${id} not found` },
  availability,
});
