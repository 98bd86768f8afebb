/**
 * @jest-environment <rootDir>/src/jest/traceproof-environment.ts
 * @jest-environment-options {"traceproof": {"instrument": "./test/jest/support/instrument-http.cjs"}}
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { afterAll, beforeAll, expect } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { traceTest } from '../../matchers/jest';

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const http = require('node:http') as typeof import('node:http');

let server: import('node:http').Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((req, res) => { res.statusCode = req.url === '/missing' ? 404 : 200; res.end('ok'); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

traceTest('server span', async ({ http: client }) => {
  const res = await client.get(`${url}/orders`);
  expect(res.status).toBe(200);
  await expect(res.trace).toHaveSpan({ kind: 'server', attributes: { 'http.response.status_code': 200 } });
}, 5000);
