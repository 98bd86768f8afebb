// hello exports through a BatchSpanProcessor with the SDK's default 5 s schedule delay
// (OTEL_BSP_SCHEDULE_DELAY unset): its spans arrive ~5 s after they end. The first test waits
// long enough and passes, and shows traceproof how late this service exports; the second
// allows 2 s, as a test with a quick trace timeout would, and fails naming the delay.
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startService, type RunningService } from '../lib/services.mjs';

let hello: RunningService;
beforeAll(async () => {
  hello = await startService({
    name: 'hello',
    script: 'lib/hello.mjs',
    env: { MISCONF_PROCESSOR: 'batch', OTEL_BSP_SCHEDULE_DELAY: undefined },
  });
});
afterAll(() => hello?.stop());

traceTest(
  'a trace with time to wait arrives',
  async ({ http }) => {
    const res = await http.get(`${hello.url}/hello`);
    await expect(res.trace).toHaveSpan({ service: 'hello', kind: 'server' });
  },
  12_000,
);

traceTest(
  'a trace with 2 s to arrive',
  async ({ http }) => {
    const res = await http.get(`${hello.url}/hello`);
    await expect(res.trace).toHaveSpan({ service: 'hello', kind: 'server' });
  },
  2600,
);
