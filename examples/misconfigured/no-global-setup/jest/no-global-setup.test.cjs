// Without traceproof's global setup nothing receives hello's spans, and traceproof reads only
// the spans of this test process.
const { traceTest } = require('traceproof/jest');

traceTest(
  'the server span of GET /hello is in the trace',
  async ({ http }) => {
    const res = await http.get(`${process.env.MISCONF_HELLO_URL}/hello`);
    expect(res.status).toBe(200);
    await expect(res.trace).toHaveSpan({ service: 'hello', kind: 'server' });
  },
  3000,
);
