// A second file: Jest gives it a fresh module registry, the trap in which an instrumentation
// registered for one file patches modules that another file's tracer provider never sees.
const { traceTest } = require('traceproof/jest');
const { startShop } = require('../inprocess-shop/shop-app.cjs');

let shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

traceTest('listing orders runs one query per order', async ({ http }) => {
  await http.post(`${shop.url}/orders`, { json: { sku: 'A1' } });
  const res = await http.get(`${shop.url}/orders`);
  await expect(res.trace).toHaveSpan({ name: 'SELECT orders' }, { count: res.json().length + 1 });
});

traceTest('run() traces in-process code', async ({ run }) => {
  const trace = await run(async () => {
    const res = await fetch(`${shop.url}/orders`, { method: 'POST', body: JSON.stringify({ sku: 'A1' }) });
    expect(res.status).toBe(201);
  }, 'checkout');
  expect(trace.root.name).toBe('checkout');
  expect(trace.select('span[name="checkout"] span[db.system="sqlite"]')).toHaveLength(2);
});
