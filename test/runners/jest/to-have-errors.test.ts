import { afterEach, describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { pendingTrace } from '../../helpers/pending-from-spans';
import { errorsUnmatchedSelectorMessage, notErrorsMessage } from '../../matchers/support/pinned-messages';
import { declined, shop, spanOf } from '../../matchers/support/shop-traces';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveErrors under Jest', () => {
  test('passes, fails and negates', () => {
    expect(declined).toHaveErrors();
    expect(declined).toHaveErrors({ service: 'bank' });
    expect(shop).not.toHaveErrors();
    expect(() => expect(shop).toHaveErrors()).toThrow('Received: 0 spans with error status');
  });

  test('takes Jest asymmetric matchers inside the selector', () => {
    expect(declined).toHaveErrors({ service: expect.stringMatching(/^pay/) });
    expect(declined).not.toHaveErrors({ attributes: { sku: expect.any(String) } });
  });

  test('works as an asymmetric matcher over a Trace', () => {
    expect([shop, declined]).toEqual([traceExpect.not.toHaveErrors(), traceExpect.toHaveErrors()]);
  });

  test('prints the same messages as under Vitest', async () => {
    expect(await failureMessage(() => expect(declined).not.toHaveErrors())).toBe(notErrorsMessage);
    expect(await failureMessage(() => expect(shop).toHaveErrors('span[service.name="payment"]'))).toBe(errorsUnmatchedSelectorMessage);
  });

  test('prints an object selector with Jest’s own formatting', async () => {
    expect(await failureMessage(() => expect(declined).toHaveErrors({ service: 'inventory' }))).toContain(
      'Expected: a span with error status among spans matching {"service": "inventory"}\nReceived: 0 spans with error status\n',
    );
  });

  test('rejects a bad selector', () => {
    expect(() => expect(shop).toHaveErrors(42 as never)).toThrow(/The selector must be a string/);
  });
});

describe('toHaveErrors over a pending trace under Jest', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  test('.not waits until the trace settled, then passes', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1));
    deliver(shop.spans.slice(0, 1), 30);
    await expect(pending).not.toHaveErrors();
    expect((await pending.snapshot()).size).toBe(shop.size);
  });

  test('.not catches an error span that arrives late', async () => {
    const { pending, deliver, close: c } = pendingTrace(declined);
    close = c;
    deliver([spanOf(declined, 'reserve')]);
    deliver([spanOf(declined, 'POST /orders'), spanOf(declined, 'charge')], 30);
    expect(await failureMessage(() => expect(pending).not.toHaveErrors())).toContain(
      'Received: 1 span with error status\n  payments  charge  CardDeclinedError: card declined\n',
    );
  });
});
