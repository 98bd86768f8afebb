import { beforeAll, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { buildTrace } from '../helpers/build-trace';
import { failureMessage } from '../helpers/failure-message';

beforeAll(() => { expect.extend(traceMatchers); });

const shop = buildTrace([
  { service: 'gateway', name: 'POST /orders', kind: 'server', duration: 40, children: [
      { service: 'inventory', name: 'reserve', start: 1, duration: 12, attributes: { sku: 'A1' } },
      { service: 'payments', name: 'charge', start: 14, duration: 20, status: 'error', statusMessage: 'card declined' },
      { service: 'orders', name: 'INSERT orders', start: 35, duration: 3, attributes: { 'db.system': 'sqlite' } },
  ] },
]);

const show = async (label: string, fn: () => unknown) => { console.log(`----- ${label}\n` + await failureMessage(fn)); };

it('scratch', async () => {
  await show('count', () => expect(shop).toHaveSpanCount(3));
  await show('count not', () => expect(shop).not.toHaveSpanCount(4));
  await show('count asym', () => expect(shop).toHaveSpanCount(expect.any(String)));
  await show('count bad', () => expect(shop).toHaveSpanCount(-1));
  await show('errors not', () => expect(shop).not.toHaveErrors());
  await show('errors sel', () => expect(shop).toHaveErrors({ service: 'inventory' }));
  await show('child', () => expect(shop).toHaveChildSpan({ service: 'inventory' }, { name: 'charge' }));
  await show('child not', () => expect(shop).not.toHaveChildSpan({ service: 'gateway' }, { name: 'charge' }));
  await show('before', () => expect(shop).toHaveSpanBefore({ name: 'charge' }, { name: 'reserve' }));
  await show('before missing', () => expect(shop).toHaveSpanBefore({ name: 'nope' }, { name: 'reserve' }));
  await show('before not', () => expect(shop).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }));
  await show('shape', () => expect(shop).toMatchTraceShape(`
    gateway POST /orders
      inventory reserve
      payments refund
  `));
  await show('shape not', () => expect(shop).not.toMatchTraceShape(`
    gateway POST /orders
      ...
  `));
  await show('shape bad', () => expect(shop).toMatchTraceShape(`gateway`));
  await show('shape bad type', () => expect(shop).toMatchTraceShape(3 as never));
  await show('received', () => expect(42).toHaveErrors());
});
