import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { expectNot } from './support/expect-not';
import { buildTrace } from '../helpers/build-trace';
import { failureMessage } from '../helpers/failure-message';
import { pendingTrace } from '../helpers/pending-from-spans';
import { spanCountMessage } from './support/pinned-messages';
import { shop } from './support/shop-traces';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveSpanCount over a Trace', () => {
  it('passes when the trace has exactly that many spans', () => {
    expect(shop).toHaveSpanCount(6);
    expect(buildTrace([])).toHaveSpanCount(0);
  });

  it('fails with the expected and received counts and the trace tree', async () => {
    expect(await failureMessage(() => expect(shop).toHaveSpanCount(3))).toBe(spanCountMessage);
  });

  it('passes .not for any other count, and fails it for the actual one', async () => {
    expect(shop).not.toHaveSpanCount(5);
    expect(shop).not.toHaveSpanCount(7);
    const message = await failureMessage(() => expect(shop).not.toHaveSpanCount(6));
    expect(message).toMatch(/^expect\(trace\)\.not\.toHaveSpanCount\(count\)\n\nExpected: not 6 spans\nReceived: 6 spans\n\nTrace /);
  });

  it('accepts an asymmetric matcher as the count', async () => {
    expect(shop).toHaveSpanCount(expect.any(Number));
    expect(shop).toHaveSpanCount(expect.toSatisfy((n: number) => n > 5));
    expect(shop).not.toHaveSpanCount(expect.any(String));
    const message = await failureMessage(() => expect(shop).toHaveSpanCount(expect.any(String)));
    expect(message).toContain('Expected: Any<String> spans\nReceived: 6 spans');
  });

  it('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: expect.toHaveSpanCount(6) });
    expect({ trace: shop }).not.toEqual({ trace: expect.toHaveSpanCount(2) });
    expect({ trace: shop }).toEqual({ trace: expectNot.toHaveSpanCount(2) });
  });

  it('rejects a count that is not a whole number ≥ 0, before looking at the trace', async () => {
    for (const count of [-1, 1.5, '3', undefined, Number.NaN]) {
      expect(await failureMessage(() => expect(shop).toHaveSpanCount(count))).toMatch(
        /^\[traceproof\] expect\(received\)\.toHaveSpanCount\(expected\)\n\nThe expected count must be a whole number ≥ 0 or an asymmetric matcher\.\nGot: /,
      );
    }
    expect(await failureMessage(() => expect(shop).toHaveSpanCount('3'))).toMatch(/\nGot: "3"$/);
  });

  it('rejects a received value that is not a trace', async () => {
    expect(await failureMessage(() => expect({ spans: [] }).not.toHaveSpanCount(1))).toMatch(
      /^\[traceproof\] expect\(received\)\.not\.toHaveSpanCount\(expected\)\n\nThe received value must be a Trace or a pending trace \(for example `res\.trace` from the http fixture\)\.\nReceived: Object \{/,
    );
  });
});

describe('toHaveSpanCount over a pending trace', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('counts the spans that arrive after the count was first reached', async () => {
    // The root arrives last, so the trace cannot settle on the first three spans.
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1, 4));
    deliver([shop.spans[0]!, ...shop.spans.slice(4)], 30);
    await expect(pending).not.toHaveSpanCount(3);
    await expect(pending).toHaveSpanCount(6);
  });

  it('fails as soon as there are more spans than expected, without waiting for the trace to settle', async () => {
    // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
    const { pending, deliver, close: c } = pendingTrace(shop, { timeoutMs: 60_000, quietWindowMs: 60_000 });
    close = c;
    deliver(shop.spans);
    const message = await failureMessage(() => expect(pending).toHaveSpanCount(4));
    expect(message).toContain('Expected: 4 spans\nReceived: 6 spans');
    expect(message).toContain('· still arriving; more spans cannot change this verdict');
  });

  it('waits for the trace to settle before judging an asymmetric count', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1, 3));
    deliver([shop.spans[0]!, ...shop.spans.slice(3)], 30);
    await expect(pending).toHaveSpanCount(expect.toSatisfy((n: number) => n > 5));
  });

  it('says the count was taken at the deadline when the trace never settled', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop, { timeoutMs: 300 });
    close = c;
    deliver(shop.spans.slice(1));
    const message = await failureMessage(() => expect(pending).toHaveSpanCount(6));
    expect(message).toContain('Expected: 6 spans\nReceived: 5 spans');
    expect(message).toMatch(/· NOT settled: the trace may be incomplete \(deadline passed after [\d.]+m?s\)\n {2}- the root span has not arrived/);
  });
});
