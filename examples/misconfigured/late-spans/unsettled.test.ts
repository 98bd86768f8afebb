// worker's background job span arrives ~6 s after the request, after its child "step": a test
// that allows 2 s cannot know the trace is free of errors, and says so rather than passing.
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startService, type RunningService } from '../lib/services.mjs';

let worker: RunningService;
beforeAll(async () => {
  worker = await startService({ name: 'worker', script: 'late-spans/worker.mjs' });
});
afterAll(() => worker?.stop());

traceTest(
  'GET /work has no errors',
  async ({ http }) => {
    const res = await http.get(`${worker.url}/work`);
    expect(res.status).toBe(202);
    await expect(res.trace).not.toHaveErrors();
  },
  2600,
);
