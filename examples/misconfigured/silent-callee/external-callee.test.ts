// The same call, with back declared outside the system under test: its missing span is
// expected, and the trace is complete without it.
import { afterAll, beforeAll, expect } from 'vitest';
import { configure } from 'traceproof';
import { traceTest } from 'traceproof/vitest';
import type { RunningService } from '../lib/services.mjs';
import { startFrontAndBack } from './services';

let front: RunningService;
let back: RunningService;
let stop: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ front, back, stop } = await startFrontAndBack());
  configure({ external: [back.address] });
});
afterAll(() => stop());

traceTest('back reports its span when asked directly', async ({ http }) => {
  const res = await http.get(`${back.url}/work`);
  expect(res.status).toBe(200);
  await expect(res.trace).toHaveSpan({ service: 'back', kind: 'server' });
});

traceTest(
  "front's call to back, declared external, has no errors",
  async ({ http }) => {
    const res = await http.get(`${front.url}/work`, { headers: { 'x-quiet': '1' } });
    expect(res.status).toBe(200);
    await expect(res.trace).not.toHaveErrors();
  },
  // It passes once the trace settles; the quiet window stretches on a loaded machine.
  10_000,
);
