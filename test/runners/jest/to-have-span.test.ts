import { afterEach, describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { pendingTrace } from '../../helpers/pending-from-spans';
import { spanMessage } from '../../matchers/support/pinned-messages';
import { shop } from '../../matchers/support/shop-traces';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveSpan under Jest', () => {
  test('passes, fails and negates', () => {
    expect(shop).toHaveSpan({ service: 'payments', name: 'charge' });
    expect(shop).toHaveSpan('span[name="INSERT orders"]', { count: 2, maxDuration: '5ms' });
    expect(shop).not.toHaveSpan({ name: 'refund' });
    expect(() => expect(shop).toHaveSpan({ name: 'refund' })).toThrow('Received: 0 matching spans');
    expect(() => expect(shop).not.toHaveSpan({ name: 'charge' })).toThrow('Expected: not at least 1 span matching');
  });

  test('takes Jest asymmetric matchers inside the selector', () => {
    expect(shop).toHaveSpan({ name: expect.stringMatching(/^INSERT/), attributes: { 'db.system': expect.any(String) } });
    expect(shop).not.toHaveSpan({ attributes: { 'payment.amount': expect.any(String) } });
  });

  test('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: traceExpect.toHaveSpan({ name: 'charge' }) });
    expect({ trace: shop }).toEqual({ trace: traceExpect.not.toHaveSpan({ name: 'refund' }) });
  });

  test('prints the same message as under Vitest', async () => {
    expect(await failureMessage(() => expect(shop).toHaveSpan('span[service.name="payments" name="refund"]'))).toBe(spanMessage);
  });

  test('prints object selectors and Jest asymmetric matchers with Jest’s own formatting', async () => {
    const message = await failureMessage(() => expect(shop).toHaveSpan({ service: 'payments', attributes: { 'payment.amount': expect.any(String) } }));
    expect(message).toContain('Expected: at least 1 span matching {"attributes": {"payment.amount": Any<String>}, "service": "payments"}\n');
    expect(message).toContain('Closest spans:\n  payments  charge\n      payment.amount: expected Any<String>, got 40\n');
  });

  test('rejects bad options and a received value that is not a trace', () => {
    expect(() => expect(shop).toHaveSpan({ name: 'x' }, { cuont: 1 } as never)).toThrow(/Unknown option `cuont`/);
    expect(() => expect({ spans: [] }).toHaveSpan({ name: 'x' })).toThrow(/must be a Trace or a pending trace/);
  });
});

describe('toHaveSpan over a pending trace under Jest', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  test('waits for the span, and counts late spans for an exact count', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1, 5));
    deliver([shop.spans[0]!, shop.spans[5]!], 30);
    await expect(pending).toHaveSpan({ name: 'reserve' });
    await expect(pending).toHaveSpan({ name: 'INSERT orders' }, { count: 2 });
  });
});
