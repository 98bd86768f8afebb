import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY } from './shop';

traceTest('order history makes one inventory call per order (a known N+1, pinned)', async ({ http }) => {
  const customer = `history-${randomUUID().slice(0, 8)}`;
  for (const sku of ['A1', 'B2', 'E5']) {
    const placed = await http.post(`${GATEWAY}/orders`, { json: { sku, qty: 1, customer } });
    expect(placed.status).toBe(201);
  }

  const res = await http.get(`${GATEWAY}/customers/${customer}/orders`);
  expect(res.json<{ orders: unknown[] }>().orders).toHaveLength(3);
  await expect(res.trace).toHaveSpan({ service: 'orders', name: 'SELECT orders' }, { count: 1 });
  // When someone batches the lookups, this count drops to 1 and this test tells them to update it.
  await expect(res.trace).toHaveSpan({ service: 'inventory', name: 'GET /products/:sku' }, { count: 3 });
});
