// worker's last span arrives ~6 s after the request. With TRACEPROOF_TIMEOUT=8s and nothing
// else changed, the test (whose Jest timeout is 5 s by default) is given the time it needs.
const { traceTest } = require('traceproof/jest');

traceTest('the background job of GET /work is in the trace', async ({ http }) => {
  const res = await http.get(`${process.env.MISCONF_WORKER_URL}/work`);
  expect(res.status).toBe(202);
  await expect(res.trace).toHaveSpan({ service: 'worker', name: 'background job' });
});
