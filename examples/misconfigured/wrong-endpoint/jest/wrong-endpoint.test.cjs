// hello exports to a port nobody listens on (see global-setup.cjs): no span of it arrives.
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
