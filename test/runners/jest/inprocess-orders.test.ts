/**
 * @jest-environment <rootDir>/src/runners/jest/environment.ts
 * @jest-environment-options {"traceproof": {"instrument": "./test/runners/jest/support/instrument-http.cjs"}}
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { traceTest } from '../../../src/runners/jest/setup';
import { startServer, type StartedServer } from './support/start-server';

// One of two files that each start a server and assert on its spans, run in one worker
// (maxWorkers: 1): the second file gets a new module registry, and must still see server spans.
let orders: StartedServer;
beforeAll(async () => {
  orders = await startServer((req, res) => {
    trace.getTracer('orders').startActiveSpan('reserve', (span) => {
      const inStock = req.url !== '/orders/B2';
      if (!inStock) span.setStatus({ code: SpanStatusCode.ERROR, message: 'out of stock' });
      span.end();
      res.statusCode = inStock ? 201 : 409;
      res.end();
    });
  });
});
afterAll(() => orders.close());

traceTest(
  'an order is accepted, and its trace shows the server span with its child',
  async ({ http }) => {
    const res = await http.post(`${orders.url}/orders/A1`);
    expect(res.status).toBe(201);
    await expect(res.trace).toHaveSpan({ kind: 'server', attributes: { 'http.response.status_code': 201 } });
    await expect(res.trace).toHaveChildSpan({ kind: 'server' }, { name: 'reserve' });
    await expect(res.trace).not.toHaveErrors();
    await expect(res.trace).toHaveSpanCount(2);
  },
  10_000,
);

traceTest(
  'an out-of-stock order shows the error in its trace',
  async ({ http }) => {
    const res = await http.post(`${orders.url}/orders/B2`);
    expect(res.status).toBe(409);
    await expect(res.trace).toHaveErrors({ name: 'reserve' });
    await expect(res.trace).toHaveSpan({ kind: 'server', attributes: { 'http.response.status_code': 409 } });
  },
  10_000,
);
