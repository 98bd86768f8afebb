const { traceTest } = require('traceproof/jest');
const { startShop } = require('../inprocess-shop/shop-app.cjs');

let shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

traceTest('an order is stored once, quickly, without errors', async ({ http }) => {
  const res = await http.post(`${shop.url}/orders`, { json: { sku: 'A1', qty: 2 } });
  expect(res.status).toBe(201);
  await expect(res.trace).toHaveSpan({ name: 'POST', kind: 'server', attributes: { 'http.response.status_code': 201 } });
  await expect(res.trace).toHaveSpan('span[name="INSERT orders"]', { count: 1, maxDuration: '500ms' });
  await expect(res.trace).not.toHaveErrors();
});

traceTest('an out-of-stock order fails in the trace too', async ({ http }) => {
  const res = await http.post(`${shop.url}/orders`, { json: { sku: 'B2' } });
  expect(res.status).toBe(409);
  await expect(res.trace).toHaveErrors();
  await expect(res.trace).not.toHaveSpan({ name: 'INSERT orders' });
});
