// back never reports a span in this run (every call to it carries x-quiet). It listens on this
// machine, so traceproof waits for its span to the deadline (a local service's first spans may be
// late), and the failure names the call and how to say it is outside the system.
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

traceTest(
  "back's span is in front's trace",
  async ({ http }) => {
    const res = await http.get(`${front.url}/work`, { headers: { 'x-quiet': '1' } });
    await expect(res.trace).toHaveSpan({ service: 'back' });
  },
  3000,
);
