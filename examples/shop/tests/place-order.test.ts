import { expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY, shop } from './shop';

traceTest('an order reserves stock, charges the card and is stored', async ({ http }) => {
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'A1', qty: 2 } });
  expect(res.status).toBe(201);

  // Positive assertions return as soon as the span they need has arrived.
  await expect(res.trace).toHaveSpan({
    service: shop.paymentsService,
    name: 'charge',
    attributes: { 'payment.amount': 40, 'payment.currency': 'USD' },
  });
  await expect(res.trace).toHaveSpan('span[service.name="inventory" name="reserve"]', { maxDuration: '200ms', count: 1 });
  await expect(res.trace).toHaveSpan('span[tracetest.span.type="database" name="INSERT orders"]', { count: 1 });
  await expect(res.trace).toHaveChildSpan({ service: 'orders', name: 'POST /orders' }, { name: 'INSERT orders' });
  await expect(res.trace).toHaveSpanBefore('span[name="reserve"]', 'span[name="charge"]');

  // Negative and exact assertions wait until the trace has settled.
  await expect(res.trace).not.toHaveErrors();
  await expect(res.trace).toHaveSpanCount(12);
});

traceTest('the order trace has the expected shape', async ({ http }) => {
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'B2', qty: 1 } });
  expect(res.status).toBe(201);
  await expect(res.trace).toMatchTraceShape(`
    gateway POST /orders
      gateway POST
        orders POST /orders
          orders POST
            inventory POST /reserve
              inventory reserve
                inventory SELECT products
                inventory UPDATE products
          orders POST
            ${shop.paymentsService} POST /charge
              ${shop.paymentsService} charge
          orders INSERT orders
  `);
});

traceTest('the stored order can be read back, in one query', async ({ http }) => {
  const placed = await http.post(`${GATEWAY}/orders`, { json: { sku: 'D4', qty: 4 } });
  expect(placed.status).toBe(201);
  const { id } = placed.json<{ id: number }>();

  const res = await http.get(`${GATEWAY}/orders/${id}`);
  expect(res.json()).toMatchObject({ id, sku: 'D4', qty: 4, amount: 50 });
  await expect(res.trace).toHaveSpan('span[service.name="orders"] span[db.system.name="sqlite"]', { count: 1 });
  await expect(res.trace).not.toHaveSpan({ service: 'inventory' });

  // A snapshot of the settled trace, for assertions of your own.
  const trace = await res.trace.settled();
  const query = trace.find('span[name="SELECT orders"]');
  expect(query?.attributes['db.query.text']).toMatch(/^SELECT .* FROM orders WHERE id = \?$/);
});
