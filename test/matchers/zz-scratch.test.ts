import { beforeAll, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { failureMessage } from '../helpers/failure-message';
import { shop, declined } from './support/shop-traces';

beforeAll(() => { expect.extend(traceMatchers); });
const show = async (label: string, fn: () => unknown) => { console.log(`----- ${label}\n` + JSON.stringify(await failureMessage(fn))); };

it('scratch', async () => {
  await show('count', () => expect(shop).toHaveSpanCount(3));
  await show('errors not', () => expect(declined).not.toHaveErrors());
  await show('errors sel', () => expect(shop).toHaveErrors('span[service.name="payments"]'));
  await show('child', () => expect(shop).toHaveChildSpan('span[name="reserve"]', 'span[name="authorize"]'));
  await show('before', () => expect(shop).toHaveSpanBefore('span[name="charge"]', 'span[name="reserve"]'));
  await show('shape', () => expect(shop).toMatchTraceShape(`
    gateway POST /orders
      payments charge
      inventory reserve
      orders INSERT orders
  `));
  await show('span', () => expect(shop).toHaveSpan('span[service.name="payments" name="refund"]'));
});
