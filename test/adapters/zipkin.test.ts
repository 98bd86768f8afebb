import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { zipkinBackend } from '../../adapters/zipkin';
import { beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { PendingTrace } from '../../src/wait/pending-trace';
import { API_SERVICE, FULL_CAPABILITIES, NAMES, runBackendContract, sendKnownTrace } from './contract';
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

describe.runIf(availability.available)('Zipkin lower-cases names; selectors still find them as written', () => {
  beforeAll(() => {
    expect.extend(traceMatchers);
  });

  it('matches the names the service used, through a pending trace read from the real server', async () => {
    const backend = zipkinBackend({ url });
    const sent = await sendKnownTrace({ exporter: () => wholeMicrosecondExporter(new ZipkinExporter({ url: `${url}/api/v2/spans` })) });
    const pending = new PendingTrace(sent.traceId, { backend, deadline: Date.now() + 10_000, quietWindowMs: 100 });
    await expect(pending).toHaveSpan({ name: NAMES.root, service: API_SERVICE });
    await expect(pending).toHaveSpan(`span[name="${NAMES.root}"] span[name="${NAMES.client}"]`);
    const trace = await pending.settled();
    expect(trace.find({ name: NAMES.root })?.name).toBe(NAMES.root.toLowerCase());
  });
});
