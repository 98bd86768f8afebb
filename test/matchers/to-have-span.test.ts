import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { createSpan } from '../../src/trace/span';
import { Trace } from '../../src/trace/trace';
import { shop } from './support/shop-traces';
import { failureMessage } from '../helpers/failure-message';
import { pendingTrace } from '../helpers/pending-from-spans';
import { spanMessage } from './support/pinned-messages';

beforeAll(() => {
  expect.extend(traceMatchers);
});

// The shared shop, with a credential on the charge span to show it never reaches a message.
const withSecret = new Trace(
  shop.spans.map((span) =>
    span.name === 'charge' ? createSpan({ ...span, attributes: { ...span.attributes, 'http.request.header.authorization': 'Bearer s3cret' } }) : span,
  ),
  shop.traceId,
);

describe('toHaveSpan over a Trace', () => {
  it('passes for an object selector with attributes', () => {
    expect(shop).toHaveSpan({ service: 'payments', name: 'charge', attributes: { 'payment.amount': 40 } });
  });

  it('passes for a string selector', () => {
    expect(shop).toHaveSpan('span[service.name="inventory" name="reserve"]');
  });

  it('accepts RegExp and asymmetric matchers', () => {
    expect(shop).toHaveSpan({ name: /^INSERT/, attributes: { 'db.system': expect.stringMatching(/sql/) } });
    expect(shop).toHaveSpan({ service: 'payments', attributes: { 'payment.amount': expect.any(Number) } });
  });

  it('checks counts', () => {
    expect(shop).toHaveSpan({ name: 'INSERT orders' }, { count: 2 });
    expect(shop).toHaveSpan({ name: 'INSERT orders' }, { minCount: 1, maxCount: 2 });
    expect(shop).not.toHaveSpan({ name: 'INSERT orders' }, { count: 1 });
  });

  it('checks that every matching span is within the duration bounds', () => {
    expect(shop).toHaveSpan({ name: 'charge' }, { maxDuration: '25ms', minDuration: 15 });
    expect(shop).not.toHaveSpan({ name: 'charge' }, { maxDuration: '10ms' });
  });

  it('fails with the expectation, the closest spans and the trace tree', async () => {
    const message = await failureMessage(() =>
      expect(shop).toHaveSpan({ service: 'payments', name: 'charge', attributes: { 'payment.amount': 50 } }),
    );
    expect(message).toContain('Expected: at least 1 span matching');
    expect(message).toContain('Received: 0 matching spans');
    expect(message).toContain('Closest spans:');
    expect(message).toContain('payment.amount: expected 50, got 40');
    expect(message).toContain('└─ orders  INSERT orders');
    expect(message).toContain('gateway  POST /orders  (40ms server, at +0µs)');
  });

  it('names the slow spans when a duration bound fails', async () => {
    const message = await failureMessage(() => expect(shop).toHaveSpan({ name: 'charge' }, { maxDuration: '10ms' }));
    expect(message).toContain('Too slow (> 10ms): payments  charge  (20ms)');
    expect(message).toMatch(/› ├─ payments {2}charge/);
  });

  it('fails .not with the matching spans listed', async () => {
    const message = await failureMessage(() => expect(shop).not.toHaveSpan({ service: 'inventory' }));
    expect(message).toContain('Expected: not at least 1 span matching');
    expect(message).toContain('inventory  reserve  (12ms)');
  });

  it('redacts secrets in candidate differences', async () => {
    const message = await failureMessage(() =>
      expect(withSecret).toHaveSpan({ name: 'charge', attributes: { 'http.request.header.authorization': 'x' } }),
    );
    expect(message).toContain('[redacted]');
    expect(message).not.toContain('s3cret');
  });

  it('rejects bad options and bad selectors before looking at the trace', async () => {
    expect(() => expect(shop).toHaveSpan({ name: 'x' }, { cuont: 1 } as never)).toThrow(/Unknown option `cuont`/);
    expect(() => expect(shop).toHaveSpan({ name: 'x' }, { maxDuration: 'fast' })).toThrow(/Invalid maxDuration "fast"/);
    expect(() => expect(shop).toHaveSpan(42 as never)).toThrow(/selector must be a string/);
    expect(() => expect(shop).toHaveSpan('span[name="x"')).toThrow(/column/);
  });

  it('rejects a received value that is not a trace', () => {
    expect(() => expect({ spans: [] }).toHaveSpan({ name: 'x' })).toThrow(/must be a Trace or a pending trace/);
  });

  it('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: expect.toHaveSpan({ name: 'charge' }) });
  });
});

describe('toHaveSpan over a pending trace', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('resolves as soon as the span arrives, before the trace settles', async () => {
    // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
    const { pending, deliver, close: c } = pendingTrace(shop, { timeoutMs: 60_000, quietWindowMs: 60_000 });
    close = c;
    deliver(shop.spans.slice(0, 2), 20);
    await expect(pending).toHaveSpan({ name: 'reserve' });
  });

  it('fails once the trace settled without the span, saying it settled', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans);
    const message = await failureMessage(() => expect(pending).toHaveSpan({ name: 'refund' }));
    expect(message).toContain('· settled');
    expect(message).toContain('Received: 0 matching spans');
  });

  it('waits for settling before passing an exact count, so late spans count', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(0, 4));
    deliver(shop.spans.slice(4), 30);
    await expect(pending).not.toHaveSpan({ name: 'INSERT orders' }, { count: 1 });
    await expect(pending).toHaveSpan({ name: 'INSERT orders' }, { count: 2 });
  });

  it('says the trace may be incomplete when the deadline passes', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop, { timeoutMs: 300 });
    close = c;
    deliver(shop.spans.slice(1, 3));
    const message = await failureMessage(() => expect(pending).toHaveSpan({ name: 'refund' }));
    expect(message).toContain('NOT settled: the trace may be incomplete');
    expect(message).toContain('point at a parent that has not arrived');
  });
});

describe('toHaveSpan closest candidates for string selectors', () => {
  it('shows which filter each near miss failed', async () => {
    const message = await failureMessage(() => expect(shop).toHaveSpan('span[service.name="payments" name="refund"]'));
    expect(message).toContain('Closest spans:');
    expect(message).toMatch(/payments {2}charge\n {6}name: expected = "refund", got "charge"/);
  });

  it('prints the expectation, the closest spans and the tree, in this order', async () => {
    expect(await failureMessage(() => expect(shop).toHaveSpan('span[service.name="payments" name="refund"]'))).toBe(spanMessage);
  });
});

describe('toHaveSpan as an asymmetric matcher over a pending trace', () => {
  it('refuses with a message instead of silently never matching', async () => {
    const { pending, deliver, close } = pendingTrace(shop);
    deliver(shop.spans);
    try {
      expect(() => expect({ trace: pending }).toEqual({ trace: expect.toHaveSpan({ name: 'charge' }) })).toThrow(
        /toHaveSpan was used where its answer is needed at once .* Await the trace first/,
      );
    } finally {
      await close();
    }
  });
});
