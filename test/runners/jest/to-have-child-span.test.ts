import { afterEach, describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { pendingTrace } from '../../helpers/pending-from-spans';
import { childSpanMessage } from '../../matchers/support/pinned-messages';
import { shop, spanOf } from '../../matchers/support/shop-traces';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveChildSpan under Jest', () => {
  test('passes, fails and negates', () => {
    expect(shop).toHaveChildSpan({ service: 'gateway' }, { name: 'charge' });
    expect(shop).not.toHaveChildSpan({ service: 'gateway' }, { service: 'bank' });
    expect(() => expect(shop).not.toHaveChildSpan({ name: 'charge' }, { service: 'bank' })).toThrow('1 matching pair(s)');
  });

  test('takes Jest asymmetric matchers inside the selectors', () => {
    expect(shop).toHaveChildSpan({ name: expect.stringMatching(/^POST /) }, { attributes: { sku: expect.any(String) } });
    expect(shop).not.toHaveChildSpan({ name: expect.stringMatching(/^POST /) }, { service: expect.stringMatching(/^bank$/) });
  });

  test('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: traceExpect.toHaveChildSpan({ name: 'charge' }, { name: 'authorize' }) });
    expect({ trace: shop }).toEqual({ trace: traceExpect.not.toHaveChildSpan({ name: 'reserve' }, { name: 'authorize' }) });
  });

  test('prints the same message as under Vitest', async () => {
    expect(await failureMessage(() => expect(shop).toHaveChildSpan('span[name="reserve"]', 'span[name="authorize"]'))).toBe(childSpanMessage);
  });

  test('prints object selectors with Jest’s own formatting, and the closest spans', async () => {
    const message = await failureMessage(() => expect(shop).toHaveChildSpan({ service: 'gateway' }, { service: 'payments', name: 'refund' }));
    expect(message).toContain('Expected: a span matching {"name": "refund", "service": "payments"}\n          as a direct child of a span matching {"service": "gateway"}\n');
    expect(message).toContain('Closest spans to the child selector:\n  payments  charge\n      name: expected "refund", got "charge"\n');
  });

  test('rejects a bad selector', () => {
    expect(() => expect(shop).toHaveChildSpan({ name: 'charge' }, null as never)).toThrow(/The selector must be a string/);
  });
});

describe('toHaveChildSpan over a pending trace under Jest', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  test('passes once the parent of an early child arrives', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver([spanOf(shop, 'authorize')]);
    deliver([spanOf(shop, 'charge')], 30);
    await expect(pending).toHaveChildSpan({ name: 'charge' }, { name: 'authorize' });
  });
});
