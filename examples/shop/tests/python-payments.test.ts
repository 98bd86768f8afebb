import { expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY, shop } from './shop';

// Needs the Python payments service: `bash scripts/python-env.sh` (skipped without it, a failure under CI=true).
traceTest.skipIf(!shop.python)('the Python payments service joins the trace through W3C trace context', async ({ http }) => {
  const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'E5', qty: 3 } });
  expect(res.status).toBe(201);

  await expect(res.trace).toHaveSpan('span[service.name="payments" telemetry.sdk.language="python"]', { count: 2 });
  await expect(res.trace).toHaveChildSpan(
    { service: 'orders', kind: 'client', attributes: { 'url.path': '/charge' } },
    { service: 'payments', kind: 'server', name: 'POST /charge' },
  );
  await expect(res.trace).toHaveSpan({ service: 'payments', name: 'charge', attributes: { 'payment.amount': 15 } });
  await expect(res.trace).not.toHaveSpan({ service: 'payments-fallback' });
});
