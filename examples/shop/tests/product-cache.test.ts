import { expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY } from './shop';

// C3 is looked up by this file alone, so the first lookup in a run is a cache miss.
traceTest('a product lookup hits the database once, then the cache', async ({ http }) => {
  const first = await http.get(`${GATEWAY}/products/C3`);
  expect(first.status).toBe(200);
  await expect(first.trace).toHaveSpan({ service: 'inventory', name: 'cache.lookup', attributes: { 'cache.hit': false } });
  await expect(first.trace).toHaveSpan('span[service.name="inventory" kind="server"] span[tracetest.span.type="database"]', { count: 1 });

  const second = await http.get(`${GATEWAY}/products/C3`);
  expect(second.json()).toEqual(first.json());
  await expect(second.trace).toHaveSpan({ name: 'cache.lookup', attributes: { 'cache.hit': true } });
  await expect(second.trace).not.toHaveSpan('span[tracetest.span.type="database"]');
});

traceTest('an unknown product is a 404 from inventory, not an error in the trace', async ({ http }) => {
  const res = await http.get(`${GATEWAY}/products/NOPE`);
  expect(res.status).toBe(404);
  await expect(res.trace).toHaveSpan({
    service: 'inventory',
    kind: 'server',
    attributes: { 'http.route': '/products/:sku', 'http.response.status_code': 404 },
  });
  // A 404 is the client's mistake: server spans stay unset; the gateway's client span says error.
  await expect(res.trace).toHaveSpan({ service: 'gateway', kind: 'client', status: 'error' });
  await expect(res.trace).not.toHaveSpan({ kind: 'server', status: 'error' });
});
