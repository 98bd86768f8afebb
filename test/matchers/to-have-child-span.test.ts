import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { expectNot } from './support/expect-not';
import { Trace } from '../../src/trace/trace';
import { buildTrace } from '../helpers/build-trace';
import { failureMessage } from '../helpers/failure-message';
import { pendingTrace } from '../helpers/pending-from-spans';
import { childSpanMessage } from './support/pinned-messages';
import { shop, spanOf } from './support/shop-traces';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveChildSpan over a Trace', () => {
  it('passes for a direct child, with object or string selectors', () => {
    expect(shop).toHaveChildSpan({ service: 'gateway' }, { service: 'payments', name: 'charge' });
    expect(shop).toHaveChildSpan('span[name="charge"]', 'span[service.name="bank" kind="client"]');
    expect(shop).toHaveChildSpan({ name: 'POST /orders' }, { name: 'INSERT orders', attributes: { 'db.system': 'sqlite' } });
  });

  it('does not count grandchildren, siblings or the reverse relation', () => {
    expect(shop).not.toHaveChildSpan({ service: 'gateway' }, { service: 'bank' });
    expect(shop).not.toHaveChildSpan({ name: 'reserve' }, { name: 'charge' });
    expect(shop).not.toHaveChildSpan({ name: 'charge' }, { name: 'POST /orders' });
  });

  it('accepts asymmetric matchers and RegExps inside the selectors', () => {
    expect(shop).toHaveChildSpan({ name: expect.stringMatching(/^POST /) }, { attributes: { sku: expect.any(String), qty: 2 } });
    expect(shop).toHaveChildSpan({ service: /pay/ }, { name: expect.stringContaining('auth') });
    expect(shop).not.toHaveChildSpan({ name: expect.stringMatching(/^POST /) }, { attributes: { 'payment.amount': expect.any(String) } });
  });

  it('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: expect.toHaveChildSpan({ name: 'charge' }, { name: 'authorize' }) });
    expect({ trace: shop }).toEqual({ trace: expectNot.toHaveChildSpan({ name: 'reserve' }, { name: 'authorize' }) });
  });

  it('fails with the candidates, the child candidates’ actual parents and both marked in the tree', async () => {
    expect(await failureMessage(() => expect(shop).toHaveChildSpan('span[name="reserve"]', 'span[name="authorize"]'))).toBe(childSpanMessage);
  });

  it('says when a child candidate’s parent is not in the trace, or when it is a root', async () => {
    const orphans = buildTrace([
      { service: 'web', name: 'GET /' },
      { service: 'api', name: 'charge', spanId: 'a1' },
    ]);
    const withMissingParent = buildTrace([{ service: 'api', name: 'handler', children: [{ service: 'api', name: 'charge' }] }]);
    const partial = new Trace(withMissingParent.spans.slice(1), withMissingParent.traceId);
    expect(await failureMessage(() => expect(orphans).toHaveChildSpan({ service: 'web' }, { name: 'charge' }))).toContain(
      'Child candidates and their actual parents:\n  api  charge  ← parent: none (root)\n',
    );
    expect(await failureMessage(() => expect(partial).toHaveChildSpan({ service: 'web' }, { name: 'charge' }))).toContain(
      '  api  charge  ← parent: 0000000000000001 (not in trace)\n',
    );
  });

  it('names the closest spans when a selector matches nothing', async () => {
    const message = await failureMessage(() => expect(shop).toHaveChildSpan('span[service.name="gateway"]', 'span[name="refund"]'));
    expect(message).toContain('Received: 1 parent candidate(s), 0 child candidate(s), 0 matching pair(s)\n\nClosest spans to the child selector:\n  gateway  POST /orders\n      name: expected = "refund", got "POST /orders"\n');
    expect(message).toMatch(/\n› gateway {2}POST \/orders/);
    const both = await failureMessage(() => expect(shop).toHaveChildSpan({ service: 'gatewya' }, { service: 'payments', name: 'refund' }));
    expect(both).toContain('\nClosest spans to the parent selector:\n  gateway  POST /orders\n      service: expected "gatewya", got "gateway"\n');
    expect(both).toContain('\nClosest spans to the child selector:\n  payments  charge\n      name: expected "refund", got "charge"\n');
  });

  it('fails .not with the matching pair marked', async () => {
    const message = await failureMessage(() => expect(shop).not.toHaveChildSpan({ name: 'charge' }, { service: 'bank' }));
    expect(message).toMatch(/^expect\(trace\)\.not\.toHaveChildSpan\(parent, child\)\n\nExpected: no span matching Object \{\n {2}"service": "bank",\n\}\n {10}as a direct child of a span matching Object \{/);
    expect(message).toContain('Received: 1 parent candidate(s), 1 child candidate(s), 1 matching pair(s)\n\nTrace ');
    expect(message).toContain('› ├─ payments  charge  (20ms, at +14ms)\n› │  └─ bank  authorize  (10ms client, at +15ms)\n');
  });

  it('rejects bad selectors and a received value that is not a trace', () => {
    expect(() => expect(shop).toHaveChildSpan(undefined as never, { name: 'charge' })).toThrow(/toHaveChildSpan[\s\S]*The selector must be a string/);
    expect(() => expect(shop).toHaveChildSpan({ name: 'charge' }, null as never)).toThrow(/The selector must be a string/);
    expect(() => expect(shop).toHaveChildSpan('span[', 'span[name="charge"]')).toThrow(/Invalid span selector at column/);
    expect(() => expect('trace').toHaveChildSpan({}, {})).toThrow(/The received value must be a Trace or a pending trace/);
  });
});

describe('toHaveChildSpan over a pending trace', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('passes as soon as the parent of an early child arrives, before the trace settles', async () => {
    // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
    const { pending, deliver, close: c } = pendingTrace(shop, { timeoutMs: 60_000, quietWindowMs: 60_000 });
    close = c;
    deliver([spanOf(shop, 'authorize')]);
    deliver([spanOf(shop, 'charge')], 30);
    await expect(pending).toHaveChildSpan({ name: 'charge' }, { name: 'authorize' });
  });

  it('.not waits until the trace settled, then passes', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1));
    deliver(shop.spans.slice(0, 1), 30);
    await expect(pending).not.toHaveChildSpan({ name: 'reserve' }, { name: 'authorize' });
    expect((await pending.snapshot()).size).toBe(shop.size);
  });

  it('.not catches a pair completed by a late parent', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    deliver(shop.spans.slice(1));
    deliver(shop.spans.slice(0, 1), 30);
    const message = await failureMessage(() => expect(pending).not.toHaveChildSpan({ service: 'gateway' }, { service: 'inventory' }));
    expect(message).toContain('Received: 1 parent candidate(s), 1 child candidate(s), 1 matching pair(s)');
  });
});
