// A trace assertion without `await`: the test body returns before the verdict. traceproof
// fails the test instead of letting it pass unchecked, and Jest goes on to its summary.
const { createServer } = require('node:http');
const { traceTest } = require('traceproof/jest');

let server;
let url;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

traceTest('an assertion nobody waits for', async ({ http }) => {
  const res = await http.get(url);
  expect(res.trace).toHaveSpan({ name: 'nope' });
});
