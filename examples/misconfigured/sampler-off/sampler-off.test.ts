// hello samples nothing (OTEL_TRACES_SAMPLER=always_off, which ignores the sampled flag of the
// caller's traceparent): it answers, and exports no span at all.
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startService, type RunningService } from '../lib/services.mjs';

let hello: RunningService;
beforeAll(async () => {
  hello = await startService({ name: 'hello', script: 'lib/hello.mjs', env: { OTEL_TRACES_SAMPLER: 'always_off' } });
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
