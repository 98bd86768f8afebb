// A trace store that does not answer properly, named by TRACEPROOF_BACKEND: refusing the
// connection, answering 500, or answering something that is not its API. The failure is the
// backend's, and says so. Run with, e.g.
//   TRACEPROOF_BACKEND=jaeger+http://127.0.0.1:1 npx vitest run --config examples/misconfigured/vitest.config.ts backend-failure/
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

traceTest(
  `a trace read from ${process.env.TRACEPROOF_BACKEND || '(no TRACEPROOF_BACKEND set)'}`,
  async ({ http }) => {
    const res = await http.get(url);
    await expect(res.trace).toHaveSpan({ kind: 'server' });
  },
  3000,
);
