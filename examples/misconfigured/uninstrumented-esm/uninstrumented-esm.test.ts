// The service got the request (it answered 200) but its span went to a trace of its own: the
// tracing bootstrap has no loader hook, so node:http was never patched in this ESM service.
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startService, type RunningService } from '../lib/services.mjs';

let service: RunningService;
beforeAll(async () => {
  service = await startService({
    name: 'uninstrumented-esm',
    script: 'uninstrumented-esm/server.mjs',
    env: { MISCONF_IMPORT_HOOK: 'off' },
  });
});
afterAll(() => service?.stop());

traceTest(
  'the server span of GET /hello is in the trace',
  async ({ http }) => {
    const res = await http.get(`${service.url}/hello`);
    expect(res.status).toBe(200);
    console.log(`GET /hello was traced by the service as trace ${res.json<{ traceId: string }>().traceId}`);
    await expect(res.trace).toHaveSpan({ service: 'uninstrumented-esm', kind: 'server' });
  },
  3000,
);
