import { afterAll, beforeAll, expect } from 'vitest';
import { configure, resetConfig } from 'traceproof';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY } from './shop';

const ORDERS = 200;

// 200 orders in flight at once on a small machine take seconds to answer, and their spans can
// reach the receiver a second after the call that made them. A longer quiet window keeps
// "settled" from being declared while a service is still exporting.
beforeAll(() => void configure({ timeout: '60s', quietWindow: '1s' }));
afterAll(() => resetConfig());

traceTest(`${ORDERS} concurrent orders each see their own trace and nothing else`, { timeout: 120_000 }, async ({ http }) => {
  const results = await Promise.all(
    Array.from({ length: ORDERS }, async (_, i) => {
      // Each order is told apart by its quantity, so a span from another order would show.
      const qty = i + 1;
      const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'A1', qty, customer: `crosstalk-${i}` } });
      expect(res.status).toBe(201);
      // Positive first: each returns as soon as its span is there.
      await expect(res.trace).toHaveSpan({ name: 'reserve', attributes: { 'inventory.qty': qty } });
      await expect(res.trace).toHaveSpan({ name: 'charge', attributes: { 'payment.amount': 20 * qty } });
      // Then exact counts, over the settled trace: exactly one of each, nobody else's.
      await expect(res.trace).toHaveSpan({ name: 'reserve' }, { count: 1 });
      await expect(res.trace).toHaveSpan({ name: 'charge' }, { count: 1 });
      await expect(res.trace).toHaveSpanCount(12);
      return { traceId: res.traceId, trace: await res.trace.settled() };
    }),
  );

  expect(new Set(results.map((r) => r.traceId)).size).toBe(ORDERS);
  const spanIds = new Set<string>();
  for (const { traceId, trace } of results) {
    expect(trace.spans.every((span) => span.traceId === traceId)).toBe(true);
    for (const span of trace.spans) spanIds.add(span.spanId);
  }
  // No span is in two traces, none is missing.
  expect(spanIds.size).toBe(ORDERS * 12);
});
