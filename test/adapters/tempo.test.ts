import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { expect, test } from 'vitest';
import { tempoBackend } from '../../adapters/tempo';
import { FULL_CAPABILITIES, runBackendContract } from './contract';
import { runFailureModes } from './failure-modes';
import { probeBackend } from './probe-backend';

const availability = await probeBackend('TRACEPROOF_TEMPO_URL', '/ready');
const url = availability.available ? availability.url : '';
const otlpUrl = process.env.TRACEPROOF_TEMPO_OTLP_URL ?? 'http://127.0.0.1:24318';
const exporter = () => new OTLPTraceExporter({ url: `${otlpUrl}/v1/traces` });

runBackendContract({
  name: 'Tempo',
  script: 'tempo',
  availability,
  backend: () => tempoBackend({ url }),
  exporter,
  capabilities: FULL_CAPABILITIES,
});

runBackendContract({
  name: 'Tempo v1 API',
  script: 'tempo',
  availability,
  backend: () => tempoBackend({ url, api: 'v1' }),
  exporter,
  capabilities: FULL_CAPABILITIES,
});

runFailureModes({
  name: 'Tempo',
  make: (base, options) => tempoBackend({ url: base, ...options }),
  notFound: { status: 200, contentType: 'application/json', body: () => '{"trace":{},"metrics":{}}' },
  availability,
});

test('Tempo has no UI: traceUrl is a Grafana Explore link only when Grafana is configured', () => {
  expect(tempoBackend({ url: 'http://127.0.0.1:3200' }).traceUrl?.('4bf92f3577b34da6a3ce929d0e0e4736')).toBeUndefined();
  const link = tempoBackend({
    url: 'http://127.0.0.1:3200',
    grafana: { url: 'https://grafana.example.com/', datasourceUid: 'tempo-1' },
  }).traceUrl?.('4BF92F3577B34DA6A3CE929D0E0E4736');
  expect(link).toMatch(/^https:\/\/grafana\.example\.com\/explore\?schemaVersion=1&orgId=1&panes=/);
  const panes = JSON.parse(decodeURIComponent(new URL(link!).searchParams.get('panes')!)) as {
    trace: { queries: Array<{ query: string; datasource: { uid: string } }> };
  };
  expect(panes.trace.queries[0]).toMatchObject({ query: '4bf92f3577b34da6a3ce929d0e0e4736', datasource: { uid: 'tempo-1' } });
});

test('tenant is sent as X-Scope-OrgID', async () => {
  const { createServer } = await import('node:http');
  let tenant: string | string[] | undefined;
  const server = createServer((req, res) => {
    tenant = req.headers['x-scope-orgid'];
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"trace":{}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await expect(
    tempoBackend({ url: `http://127.0.0.1:${port}`, tenant: 'team-a' }).fetchTrace(
      '4bf92f3577b34da6a3ce929d0e0e4736',
      AbortSignal.timeout(5000),
    ),
  ).resolves.toEqual([]);
  expect(tenant).toBe('team-a');
  server.close();
});
