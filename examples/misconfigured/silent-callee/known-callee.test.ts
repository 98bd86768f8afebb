// back answered a traced request earlier in this run, so when front's call to it later has no
// span from back, the trace is incomplete, and the failure names the call.
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import type { RunningService } from '../lib/services.mjs';
import { startFrontAndBack } from './services';

let front: RunningService;
let back: RunningService;
let stop: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ front, back, stop } = await startFrontAndBack());
  console.log(`back listens at ${back.address}`);
});
afterAll(() => stop());

traceTest('back reports its span when asked directly', async ({ http }) => {
  const res = await http.get(`${back.url}/work`);
  expect(res.status).toBe(200);
  await expect(res.trace).toHaveSpan({ service: 'back', kind: 'server' });
});

traceTest(
  "front's call to back has no errors",
  async ({ http }) => {
    const res = await http.get(`${front.url}/work`, { headers: { 'x-quiet': '1' } });
    expect(res.status).toBe(200);
    await expect(res.trace).not.toHaveErrors();
  },
  3000,
);
