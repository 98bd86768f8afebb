import { afterAll, beforeAll, expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { startShop } from '../inprocess-shop/shop-app.cjs';

let shop: { url: string; close(): Promise<void> };
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

traceTest('an order is stored once, quickly, without errors', async ({ http }) => {
  const res = await http.post(`${shop.url}/orders`, { json: { sku: 'A1', qty: 2 } });
  expect(res.status).toBe(201);
  await expect(res.trace).toHaveSpan({ name: 'POST', kind: 'server', attributes: { 'http.response.status_code': 201 } });
  await expect(res.trace).toHaveSpan('span[name="INSERT orders"]', { count: 1, maxDuration: '500ms' });
  await expect(res.trace).toHaveSpan('span[kind="server"] span[tracetest.span.type="database"]', { count: 2 });
  await expect(res.trace).not.toHaveErrors();
});

traceTest('an out-of-stock order fails in the trace too', async ({ http }) => {
  const res = await http.post(`${shop.url}/orders`, { json: { sku: 'B2' } });
  expect(res.status).toBe(409);
  await expect(res.trace).toHaveErrors();
  await expect(res.trace).not.toHaveSpan({ name: 'INSERT orders' });
});

traceTest('listing orders runs one query per order (an N+1 a count catches)', async ({ http }) => {
  await http.post(`${shop.url}/orders`, { json: { sku: 'A1' } });
  const res = await http.get(`${shop.url}/orders`);
  const orders = res.json<unknown[]>();
  await expect(res.trace).toHaveSpan({ name: 'SELECT orders' }, { count: orders.length + 1 });
});

traceTest('run() traces in-process code, fetch calls included', async ({ run }) => {
  const trace = await run(async () => {
    const res = await fetch(`${shop.url}/orders`, { method: 'POST', body: JSON.stringify({ sku: 'A1' }) });
    expect(res.status).toBe(201);
  }, 'checkout');
  expect(trace.root?.name).toBe('checkout');
  expect(trace.select('span[name="checkout"] span[db.system="sqlite"]')).toHaveLength(2);
  expect(trace).toHaveChildSpan({ name: 'checkout' }, { kind: 'client', attributes: { 'http.request.method': 'POST' } });
});
