// A trace started outside traceproof: the request carries a traceparent this test made up,
// whose parent span is never exported (as a browser's or a queue producer's would not be).
// traceId(id) reads that trace; its spans hang below a caller traceproof cannot see.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startService, type RunningService } from '../lib/services.mjs';

let hello: RunningService;
beforeAll(async () => {
  hello = await startService({ name: 'hello', script: 'lib/hello.mjs' });
});
afterAll(() => hello?.stop());

traceTest('a trace started elsewhere has no errors', async ({ traceId }) => {
  const id = randomBytes(16).toString('hex');
  const res = await fetch(`${hello.url}/hello`, { headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } });
  expect(res.status).toBe(200);
  await expect(traceId(id)).not.toHaveErrors();
});
