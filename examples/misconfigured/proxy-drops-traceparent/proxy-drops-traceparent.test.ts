// The request goes through a proxy that drops the traceparent header: the service behind it
// is instrumented and exports, but into a trace it started itself.
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startService, type RunningService } from '../lib/services.mjs';

let hello: RunningService;
let proxy: RunningService;
beforeAll(async () => {
  hello = await startService({ name: 'hello', script: 'lib/hello.mjs' });
  proxy = await startService({ name: 'proxy', script: 'proxy-drops-traceparent/proxy.mjs', traced: false, env: { TARGET_URL: hello.url } });
});
afterAll(async () => {
  await proxy?.stop();
  await hello?.stop();
});

traceTest(
  'the request reaches hello through the proxy in the same trace',
  async ({ http }) => {
    const res = await http.get(`${proxy.url}/hello`);
    expect(res.status).toBe(200);
    await expect(res.trace).toHaveSpan({ service: 'hello', kind: 'server' });
  },
  3000,
);
