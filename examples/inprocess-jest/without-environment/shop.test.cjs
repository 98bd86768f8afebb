const { traceTest } = require('traceproof/jest');
const { startShop } = require('../../inprocess-shop/shop-app.cjs');

let shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

// Fails without traceproof's Jest environment; the message says how to fix it.
traceTest(
  'the server span is missing without the traceproof environment',
  async ({ http }) => {
    const res = await http.post(`${shop.url}/orders`, { json: { sku: 'A1' } });
    expect(res.status).toBe(201);
    await expect(res.trace).toHaveSpan({ kind: 'server' });
  },
  2000,
);
