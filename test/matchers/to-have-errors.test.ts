import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { expectNot } from './support/expect-not';
import { failureMessage } from '../helpers/failure-message';
import { pendingTrace } from '../helpers/pending-from-spans';
import { errorsUnmatchedSelectorMessage, notErrorsMessage } from './support/pinned-messages';
import { declined, shop, spanOf } from './support/shop-traces';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveErrors over a Trace', () => {
  it('passes when some span has error status', () => {
    expect(declined).toHaveErrors();
    expect(shop).not.toHaveErrors();
  });

  it('looks only at the spans the selector matches', () => {
    expect(declined).toHaveErrors({ service: 'bank' });
    expect(declined).toHaveErrors('span[service.name="gateway"] span[name="authorize"]');
    expect(declined).not.toHaveErrors({ service: 'inventory' });
    expect(declined).not.toHaveErrors('span[name="INSERT orders"]');
  });

  it('accepts asymmetric matchers and RegExps inside the selector', () => {
    expect(declined).toHaveErrors({ service: expect.stringMatching(/^pay/) });
    expect(declined).toHaveErrors({ name: /^auth/, kind: 'client' });
    expect(declined).not.toHaveErrors({ attributes: { sku: expect.any(String) } });
  });

  it('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: declined }).toEqual({ trace: expect.toHaveErrors({ service: 'payments' }) });
    expect({ trace: shop }).toEqual({ trace: expectNot.toHaveErrors() });
    expect([shop, declined]).toEqual([expectNot.toHaveErrors(), expect.toHaveErrors()]);
  });

  it('fails .not listing each error span with its exception or status message, marked in the tree', async () => {
    expect(await failureMessage(() => expect(declined).not.toHaveErrors())).toBe(notErrorsMessage);
  });

  it('fails with the selector and a count of zero when no selected span has an error', async () => {
    const message = await failureMessage(() => expect(declined).toHaveErrors({ service: 'inventory' }));
    expect(message).toMatch(/^expect\(trace\)\.toHaveErrors\(selector\)\n\nExpected: a span with error status among spans matching Object \{\n {2}"service": "inventory",\n\}\nReceived: 0 spans with error status\n\nTrace /);
    expect(message).not.toContain('›');
    expect(message).not.toContain('Closest spans');
  });

  it('says when the selector matches no span at all, with the closest spans', async () => {
    expect(await failureMessage(() => expect(shop).toHaveErrors('span[service.name="payment"]'))).toBe(errorsUnmatchedSelectorMessage);
  });

  it('rejects a bad selector and a received value that is not a trace', async () => {
    expect(await failureMessage(() => expect(shop).toHaveErrors(42 as never))).toMatch(
      /^\[traceproof\] expect\(received\)\.toHaveErrors\(expected\)\n\nThe selector must be a string such as 'span\[name="charge"\]' or an object/,
    );
    expect(() => expect(shop).toHaveErrors(['payments'] as never)).toThrow(/selector must be a string/);
    expect(() => expect(shop).toHaveErrors('span[name="charge"')).toThrow(/Invalid span selector at column/);
    expect(() => expect(shop.spans).not.toHaveErrors()).toThrow(/The received value must be a Trace or a pending trace/);
  });
});

describe('toHaveErrors over a pending trace', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  const root = spanOf(declined, 'POST /orders');
  const clean = shop.spans.filter((s) => s !== spanOf(shop, 'POST /orders') && s.name !== 'charge' && s.name !== 'authorize');
  const failing = [spanOf(declined, 'charge'), spanOf(declined, 'authorize')];

  it('.not waits until the trace settled, then passes', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1));
    deliver(shop.spans.slice(0, 1), 30);
    await expect(pending).not.toHaveErrors();
    expect((await pending.snapshot()).size).toBe(shop.size);
  });

  it('.not catches an error span that arrives late', async () => {
    const { pending, deliver, close: c } = pendingTrace(declined);
    close = c;
    deliver(clean);
    deliver([root, ...failing], 30);
    const message = await failureMessage(() => expect(pending).not.toHaveErrors());
    expect(message).toContain('Received: 2 spans with error status\n  payments  charge  CardDeclinedError: card declined\n  bank  authorize: do not honor\n');
    expect(message).toMatch(/› ├─ payments {2}charge {2}\(20ms, at \+14ms\) {2}✗ error\n/);
  });

  it('passes as soon as an error span arrives, before the trace settles', async () => {
    // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
    const { pending, deliver, close: c } = pendingTrace(declined, { timeoutMs: 60_000, quietWindowMs: 60_000 });
    close = c;
    deliver(clean);
    deliver(failing, 20);
    await expect(pending).toHaveErrors({ service: 'bank' });
  });

  it('fails once the trace settled without an error, saying it settled', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans);
    const message = await failureMessage(() => expect(pending).toHaveErrors());
    expect(message).toMatch(/^expect\(trace\)\.toHaveErrors\(\)\n\nExpected: a span with error status\nReceived: 0 spans with error status\n\nTrace 0af7651916cd43dd8448eb211c80319c · 6 spans · settled \(waited /);
  });
});
