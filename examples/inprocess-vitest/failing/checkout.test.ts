import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startShop } from '../../inprocess-shop/shop-app.cjs';

let shop: { url: string; close(): Promise<void> };
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

// Fails on purpose: the order is stored with qty 2, the assertion expects 3.
traceTest('FAILS ON PURPOSE: expects a quantity the order does not have', async ({ http }) => {
  const res = await http.post(`${shop.url}/orders`, { json: { sku: 'A1', qty: 2 } });
  await expect(res.trace).toHaveSpan({ name: 'INSERT orders', attributes: { 'db.query.text': expect.stringContaining('qty = 3') } });
});
