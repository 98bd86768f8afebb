import { expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY } from './shop';

traceTest('a sold-out SKU is refused by inventory and nobody is charged', async ({ http }) => {
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'Z9', qty: 1 } });
  expect(res.status).toBe(409);
  expect(res.json()).toMatchObject({ error: 'out_of_stock' });

  // Which service said no, and why: the span status carries the reason.
  await expect(res.trace).toHaveSpan({
    service: 'inventory',
    name: 'reserve',
    status: 'error',
    attributes: { 'inventory.sku': 'Z9', 'inventory.stock_before': 0 },
  });
  await expect(res.trace).toHaveErrors();
  await expect(res.trace).not.toHaveSpan({ name: 'charge' });
  await expect(res.trace).not.toHaveSpan('span[name="INSERT orders"]');
});

traceTest('a charge over the limit is declined and no order is stored', async ({ http }) => {
  // 501 x $20 = $10,020, over the $10,000 limit.
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'A1', qty: 501 } });
  expect(res.status).toBe(402);
  await expect(res.trace).toHaveSpan({ name: 'charge', status: 'error', attributes: { 'payment.amount': 10020 } });
  await expect(res.trace).not.toHaveSpan({ name: 'INSERT orders' });
});
