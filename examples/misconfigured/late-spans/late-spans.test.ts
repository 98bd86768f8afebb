// worker's last span arrives ~6 s after the request. With TRACEPROOF_TIMEOUT=8s and nothing
// else changed, the test (whose Vitest timeout is 5 s by default) is given the time it needs.
//   TRACEPROOF_TIMEOUT=8s npx vitest run --config examples/misconfigured/vitest.config.ts late-spans/late-spans
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startService, type RunningService } from '../lib/services.mjs';

let worker: RunningService;
beforeAll(async () => {
  worker = await startService({ name: 'worker', script: 'late-spans/worker.mjs' });
});
afterAll(() => worker?.stop());

traceTest('the background job of GET /work is in the trace', async ({ http }) => {
  const res = await http.get(`${worker.url}/work`);
  expect(res.status).toBe(202);
  await expect(res.trace).toHaveSpan({ service: 'worker', name: 'background job' });
});
