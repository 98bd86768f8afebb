// FAILS ON PURPOSE. This file shows what a failing trace assertion prints: the expectation,
// the trace as a tree, and what came closest. The order history endpoint has an N+1 (one
// inventory call per order); this test expects it fixed, so it fails.
// It runs only when SHOP_DEMO_FAILURE=1 (npm run demo does that, after the passing suite).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY } from './shop';

traceTest('[fails on purpose] order history looks products up in a single inventory call', async ({ http }) => {
  const customer = `demo-${randomUUID().slice(0, 8)}`;
  for (const sku of ['A1', 'B2', 'E5']) await http.post(`${GATEWAY}/orders`, { json: { sku, qty: 1, customer } });

  const res = await http.get(`${GATEWAY}/customers/${customer}/orders`);
  expect(res.status).toBe(200);
  await expect(res.trace).toHaveSpan({ service: 'inventory', name: 'GET /products/:sku' }, { maxCount: 1 });
});
