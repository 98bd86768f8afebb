// A trace assertion without `await`: the test body returns before the verdict. traceproof
// fails the test instead of letting it pass unchecked. The server is in this process and
// uninstrumented: what matters is the missing await, not the spans.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

traceTest('an assertion nobody waits for', async ({ http }) => {
  const res = await http.get(url);
  expect(res.trace).toHaveSpan({ name: 'nope' });
});
