import { expect } from 'vitest';
import { configure } from 'traceproof';
import { traceTest } from 'traceproof/vitest';
import { GATEWAY } from './shop';
configure({ timeout: '10s', quietWindow: '1s' });
traceTest('debug', { timeout: 90_000 }, async ({ http }) => {
  const N = Number(process.env.N ?? 3);
  await Promise.all(Array.from({ length: N }, async (_, i) => {
    const t0 = Date.now();
    const res = await http.post(`${GATEWAY}/orders`, { json: { sku: 'A1', qty: i + 1 } });
    console.log(i, 'resp', Date.now() - t0);
    await expect(res.trace).toHaveSpan({ name: 'reserve', attributes: { 'inventory.qty': i + 1 } });
    console.log(i, 'reserve', Date.now() - t0);
    await expect(res.trace).toHaveSpan({ name: 'charge', attributes: { 'payment.amount': 20 * (i + 1) } });
    console.log(i, 'charge', Date.now() - t0);
    try { await expect(res.trace).toHaveSpanCount(12); console.log(i, 'count', Date.now() - t0); }
    catch (e) { console.log(i, 'countfail', Date.now() - t0, String(e.message).split('\n').filter(l => /Trace |waited|deadline/.test(l)).join(' | ')); }
  }));
});
