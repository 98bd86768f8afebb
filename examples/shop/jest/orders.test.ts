import { expect } from '@jest/globals';
import { traceTest } from 'traceproof/jest';
import { GATEWAY, PAYMENTS_SERVICE, PYTHON } from './shop';

traceTest('an order reserves stock, charges the card and is stored', async ({ http }) => {
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'A1', qty: 2 } });
  expect(res.status).toBe(201);
  await expect(res.trace).toHaveSpan({ service: PAYMENTS_SERVICE, name: 'charge', attributes: { 'payment.amount': 40 } });
  await expect(res.trace).toHaveSpan('span[service.name="inventory" name="reserve"]', { count: 1 });
  await expect(res.trace).toHaveSpanBefore('span[name="reserve"]', 'span[name="charge"]');
  await expect(res.trace).not.toHaveErrors();
  await expect(res.trace).toHaveSpanCount(12);
});

traceTest('a sold-out SKU is refused by inventory and nobody is charged', async ({ http }) => {
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'Z9', qty: 1 } });
  expect(res.status).toBe(409);
  await expect(res.trace).toHaveSpan({ service: 'inventory', name: 'reserve', status: 'error' });
  await expect(res.trace).not.toHaveSpan({ name: 'charge' });
});

// Needs the Python payments service: `bash scripts/python-env.sh`.
(PYTHON ? traceTest : traceTest.skip)('the Python payments service joins the trace', async ({ http }) => {
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'E5', qty: 3 } });
  expect(res.status).toBe(201);
  await expect(res.trace).toHaveChildSpan(
    { service: 'orders', kind: 'client', attributes: { 'url.path': '/charge' } },
    { service: 'payments', kind: 'server', name: 'POST /charge' },
  );
  await expect(res.trace).toHaveSpan('span[service.name="payments" telemetry.sdk.language="python"]', { count: 2 });
});
