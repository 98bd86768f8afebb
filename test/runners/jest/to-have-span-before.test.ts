import { afterEach, describe, expect, test } from '@jest/globals';
import { buildTrace } from '../../helpers/build-trace';
import { failureMessage } from '../../helpers/failure-message';
import { pendingTrace } from '../../helpers/pending-from-spans';
import { spanBeforeMessage } from '../../matchers/support/pinned-messages';
import { shop } from '../../matchers/support/shop-traces';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveSpanBefore under Jest', () => {
  test('passes, fails and negates', () => {
    expect(shop).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' });
    expect(shop).not.toHaveSpanBefore({ name: 'charge' }, { name: 'reserve' });
    expect(() => expect(shop).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' })).toThrow(
      'Received: the first ended 1ms before the second started',
    );
  });

  test('takes Jest asymmetric matchers inside the selectors', () => {
    expect(shop).toHaveSpanBefore({ attributes: { sku: expect.any(String) } }, { name: expect.stringMatching(/^INSERT/) });
  });

  test('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: traceExpect.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }) });
    expect({ trace: shop }).toEqual({ trace: traceExpect.not.toHaveSpanBefore({ name: 'charge' }, { name: 'reserve' }) });
  });

  test('prints the same message as under Vitest', async () => {
    expect(await failureMessage(() => expect(shop).toHaveSpanBefore('span[name="charge"]', 'span[name="reserve"]'))).toBe(spanBeforeMessage);
  });

  test('says which selector matches nothing', async () => {
    const message = await failureMessage(() => expect(shop).toHaveSpanBefore({ name: 'reserve' }, { service: 'shipping' }));
    expect(message).toContain('Expected: spans matching {"name": "reserve"}\n          to end before spans matching {"service": "shipping"} start\n');
    expect(message).toContain('Received: no span matches the second selector\n\nClosest spans to the second selector:\n');
  });

  test('rejects a bad selector', () => {
    expect(() => expect(shop).toHaveSpanBefore(1 as never, { name: 'charge' })).toThrow(/The selector must be a string/);
  });
});

describe('toHaveSpanBefore over a pending trace under Jest', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  test('fails when a late span breaks an order that held so far', async () => {
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
    const { pending, deliver, close: c } = pendingTrace(retried);
    close = c;
    deliver(retried.spans.slice(1, 3));
    deliver([retried.spans[0]!, retried.spans[3]!], 30);
    expect(await failureMessage(() => expect(pending).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }))).toContain(
      'Received: the first ended 6ms after the second started',
    );
  });
});
