import { buildTrace } from '../../helpers/build-trace';
import { arrival } from './arrival';
import { spanBeforeMessage } from './pinned-messages';
import { shop } from './shop-traces';
import type { ScenarioTable } from './trace-scenario';

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
const [root, reserve, charge, reserveAgain] = retried.spans as [never, never, never, never];

/** `toHaveSpanBefore` under either runner. */
export const toHaveSpanBeforeScenarios: ScenarioTable = {
  overTrace: [
    {
      title: 'passes when every first span ended before any second span started',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' });
        expect(trace).toHaveSpanBefore('span[service.name="payments"]', 'span[name="INSERT orders"]');
        expect(trace).toHaveSpanBefore({ name: 'authorize' }, { service: 'orders' });
      },
      pass: true,
    },
    {
      title: 'passes .not when the first spans ended after the second started',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveSpanBefore({ name: 'charge' }, { name: 'reserve' }),
      pass: true,
    },
    {
      title: 'needs every first span to end first, not just one',
      trace: retried,
      assert: (expect, trace) => expect(trace).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }),
      pass: true,
    },
    {
      title: 'passes .not when a selector matches nothing',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).not.toHaveSpanBefore({ name: 'refund' }, { name: 'charge' });
        expect(trace).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'refund' });
      },
      pass: true,
    },
    {
      title: 'accepts asymmetric matchers and RegExps inside the selectors',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpanBefore({ attributes: { sku: expect.any(String) } }, { name: expect.stringMatching(/^INSERT/) });
        expect(trace).not.toHaveSpanBefore({ service: /^orders$/ }, { name: expect.stringContaining('charge') });
      },
      pass: true,
    },
    {
      title: 'works as an asymmetric matcher over a Trace',
      trace: shop,
      assert: (expect, trace) => {
        expect({ trace }).toEqual({ trace: expect.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }) });
        expect({ trace }).toEqual({ trace: expect.not.toHaveSpanBefore({ name: 'charge' }, { name: 'reserve' }) });
        expect({ trace: retried }).toEqual({ trace: expect.not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }) });
      },
      pass: true,
    },
    {
      title: 'fails with how far the order was broken and both sides marked in the tree',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanBefore('span[name="charge"]', 'span[name="reserve"]'),
      fail: spanBeforeMessage,
    },
    {
      title: 'fails when one of several first spans ended after the second started',
      trace: retried,
      assert: (expect, trace) => expect(trace).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }),
      fail: ['Received: the first ended 6ms after the second started\n'],
    },
    {
      title: 'fails .not with the gap between them',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }),
      fail: ['Received: the first ended 1ms before the second started\n'],
    },
    {
      title: 'says when the first selector matches nothing, with the closest spans',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanBefore('span[name="reserv"]', 'span[name="charge"]'),
      fail: [
        'Received: no span matches the first selector\n\nClosest spans to the first selector:\n',
        '  inventory  reserve\n      name: expected = "reserv", got "reserve"\n',
        '› ├─ payments  charge  (20ms, at +14ms)\n',
      ],
    },
    {
      title: 'says when the second selector matches nothing, with the closest spans',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanBefore({ name: 'reserve' }, { service: 'shipping' }),
      fail: ['Received: no span matches the second selector\n\nClosest spans to the second selector:\n'],
      omits: ['first selector:'],
    },
    {
      title: 'rejects a first selector that is not a selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanBefore(1 as never, { name: 'charge' }),
      fail: [/toHaveSpanBefore[\s\S]*The selector must be a string/],
    },
    {
      title: 'rejects a second selector that is not a selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanBefore({ name: 'charge' }, [] as never),
      fail: [/The selector must be a string/],
    },
    {
      title: 'rejects a received value that is not a trace',
      trace: shop,
      assert: (expect) => expect(null).toHaveSpanBefore({}, {}),
      fail: [/The received value must be a Trace or a pending trace/],
    },
  ],
  overPending: [
    {
      title: 'waits for the trace to settle before passing, and passes',
      arriving: arrival(shop, [
        [0, shop.spans.slice(1)],
        [30, shop.spans.slice(0, 1)],
      ]),
      assert: async (expect, pending) => {
        await expect(pending).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' });
        expect((await pending.snapshot()).size).toBe(shop.size);
      },
      pass: true,
    },
    {
      title: 'fails when a late span breaks an order that held so far',
      arriving: arrival(retried, [
        [0, [reserve, charge]],
        [30, [root, reserveAgain]],
      ]),
      assert: (expect, pending) => expect(pending).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }),
      fail: ['Received: the first ended 6ms after the second started'],
    },
    {
      title: 'once the order is broken, waits for the rest of the trace before printing it, not for the deadline',
      // Deadline of 60 s: finishing within the test's timeout shows it waited only for the trace to settle.
      arriving: arrival(retried, [[0, retried.spans]], { timeoutMs: 60_000, quietWindowMs: 50 }),
      assert: (expect, pending) => expect(pending).toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }),
      fail: [/· settled \(waited/],
    },
  ],
};
