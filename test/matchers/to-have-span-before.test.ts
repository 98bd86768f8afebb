import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { expectNot } from './support/expect-not';
import { buildTrace } from '../helpers/build-trace';
import { failureMessage } from '../helpers/failure-message';
import { pendingTrace } from '../helpers/pending-from-spans';
import { spanBeforeMessage } from './support/pinned-messages';
import { shop } from './support/shop-traces';

beforeAll(() => {
  expect.extend(traceMatchers);
});

/** reserve (0–10 ms) then charge (12–20 ms), and a retried reserve (15–18 ms) that overlaps the charge. */
const retried = buildTrace([
  {
    service: 'gateway',
    name: 'POST /orders',
    duration: 30,
    children: [
      { service: 'inventory', name: 'reserve', start: 0, duration: 10 },
      { service: 'payments', name: 'charge', start: 12, duration: 8 },
      { service: 'inventory', name: 'reserve', start: 15, duration: 3 },
    ],
  },
]);

describe('toHaveSpanBefore over a Trace', () => {
  it('passes when every first span ended before any second span started', () => {
    expect(shop).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' });
    expect(shop).toHaveSpanBefore('span[service.name="payments"]', 'span[name="INSERT orders"]');
    expect(shop).toHaveSpanBefore({ name: 'authorize' }, { service: 'orders' });
  });

  it('needs every first span to end first, not just one', () => {
    expect(retried).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' });
  });

  it('fails .not when a selector matches nothing', () => {
    expect(shop).not.toHaveSpanBefore({ name: 'refund' }, { name: 'charge' });
    expect(shop).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'refund' });
  });

  it('accepts asymmetric matchers and RegExps inside the selectors', () => {
    expect(shop).toHaveSpanBefore({ attributes: { sku: expect.any(String) } }, { name: expect.stringMatching(/^INSERT/) });
    expect(shop).not.toHaveSpanBefore({ service: /^orders$/ }, { name: expect.stringContaining('charge') });
  });

  it('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: expect.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }) });
    expect({ trace: retried }).toEqual({ trace: expectNot.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }) });
  });

  it('fails with how far the order was broken and both sides marked in the tree', async () => {
    expect(await failureMessage(() => expect(shop).toHaveSpanBefore('span[name="charge"]', 'span[name="reserve"]'))).toBe(spanBeforeMessage);
    expect(await failureMessage(() => expect(retried).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }))).toContain(
      'Received: the first ended 6ms after the second started\n',
    );
  });

  it('fails .not with the gap between them', async () => {
    const message = await failureMessage(() => expect(shop).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }));
    expect(message).toMatch(/^expect\(trace\)\.not\.toHaveSpanBefore\(first, second\)\n\nExpected: spans matching Object \{\n {2}"name": "reserve",\n\}\n {10}not to end before spans matching Object \{\n {2}"name": "charge",\n\} start\n/);
    expect(message).toContain('Received: the first ended 1ms before the second started\n');
  });

  it('says which selector matches nothing, with the closest spans', async () => {
    const first = await failureMessage(() => expect(shop).toHaveSpanBefore('span[name="reserv"]', 'span[name="charge"]'));
    expect(first).toContain('Received: no span matches the first selector\n\nClosest spans to the first selector:\n');
    expect(first).toContain('  inventory  reserve\n      name: expected = "reserv", got "reserve"\n');
    expect(first).toContain('› ├─ payments  charge  (20ms, at +14ms)\n');
    const second = await failureMessage(() => expect(shop).toHaveSpanBefore({ name: 'reserve' }, { service: 'shipping' }));
    expect(second).toContain('Received: no span matches the second selector\n\nClosest spans to the second selector:\n');
    expect(second).not.toContain('first selector:');
  });

  it('rejects bad selectors and a received value that is not a trace', () => {
    expect(() => expect(shop).toHaveSpanBefore(1 as never, { name: 'charge' })).toThrow(/toHaveSpanBefore[\s\S]*The selector must be a string/);
    expect(() => expect(shop).toHaveSpanBefore({ name: 'charge' }, [] as never)).toThrow(/The selector must be a string/);
    expect(() => expect(null).toHaveSpanBefore({}, {})).toThrow(/The received value must be a Trace or a pending trace/);
  });
});

describe('toHaveSpanBefore over a pending trace', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  const [root, reserve, charge, reserveAgain] = retried.spans as [never, never, never, never];

  it('waits for the trace to settle before passing, and passes', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1));
    deliver(shop.spans.slice(0, 1), 30);
    await expect(pending).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' });
    expect((await pending.snapshot()).size).toBe(shop.size);
  });

  it('fails when a late span breaks an order that held so far', async () => {
    const { pending, deliver, close: c } = pendingTrace(retried);
    close = c;
    deliver([reserve, charge]);
    deliver([root, reserveAgain], 30);
    const message = await failureMessage(() => expect(pending).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }));
    expect(message).toContain('Received: the first ended 6ms after the second started');
  });

  it('fails as soon as the order is broken, before the trace settles', async () => {
    // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
    const { pending, deliver, close: c } = pendingTrace(retried, { timeoutMs: 60_000, quietWindowMs: 60_000 });
    close = c;
    deliver(retried.spans);
    await failureMessage(() => expect(pending).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }));
  });
});
