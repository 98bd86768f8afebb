// hello exports to a port nobody listens on (OTEL_EXPORTER_OTLP_ENDPOINT set wrong), so the
// receiver the global setup started never hears from it.
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { closedPort, startService, type RunningService } from '../lib/services.mjs';

let hello: RunningService;
beforeAll(async () => {
  hello = await startService({
    name: 'hello',
    script: 'lib/hello.mjs',
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${await closedPort()}` },
  });
});
afterAll(() => hello?.stop());

traceTest(
  'the server span of GET /hello is in the trace',
  async ({ http }) => {
    const res = await http.get(`${hello.url}/hello`);
    expect(res.status).toBe(200);
    await expect(res.trace).toHaveSpan({ service: 'hello', kind: 'server' });
  },
  3000,
);
