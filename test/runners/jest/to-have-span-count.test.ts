import { afterEach, describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { pendingTrace } from '../../helpers/pending-from-spans';
import { spanCountMessage } from '../../matchers/support/pinned-messages';
import { shop } from '../../matchers/support/shop-traces';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveSpanCount under Jest', () => {
  test('passes, fails and negates', () => {
    expect(shop).toHaveSpanCount(6);
    expect(shop).not.toHaveSpanCount(5);
    expect(() => expect(shop).not.toHaveSpanCount(6)).toThrow('Expected: not 6 spans\nReceived: 6 spans');
  });

  test('takes a Jest asymmetric matcher as the count', async () => {
    expect(shop).toHaveSpanCount(expect.any(Number));
    expect(shop).not.toHaveSpanCount(expect.any(String));
    expect(await failureMessage(() => expect(shop).toHaveSpanCount(expect.any(String)))).toContain('Expected: Any<String> spans\nReceived: 6 spans\n');
  });

  test('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: traceExpect.toHaveSpanCount(6) });
    expect({ trace: shop }).toEqual({ trace: traceExpect.not.toHaveSpanCount(2) });
  });

  test('prints the same message as under Vitest', async () => {
    expect(await failureMessage(() => expect(shop).toHaveSpanCount(3))).toBe(spanCountMessage);
  });

  test('rejects a count that is not a whole number ≥ 0', async () => {
    expect(await failureMessage(() => expect(shop).toHaveSpanCount(-1))).toBe(
      '[traceproof] expect(received).toHaveSpanCount(expected)\n\nThe expected count must be a whole number ≥ 0 or an asymmetric matcher.\nGot: -1',
    );
  });
});

describe('toHaveSpanCount over a pending trace under Jest', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  test('counts spans that arrive late', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1, 4));
    deliver([shop.spans[0]!, ...shop.spans.slice(4)], 30);
    await expect(pending).not.toHaveSpanCount(3);
    await expect(pending).toHaveSpanCount(6);
  });
});
