import { createSpan } from '../../../src/trace/span';
import { Trace } from '../../../src/trace/trace';
import { arrival } from './arrival';
import { spanMessage } from './pinned-messages';
import { shop } from './shop-traces';
import type { ScenarioTable } from './trace-scenario';

// The shared shop, with a credential on the charge span to show it never reaches a message.
const withSecret = new Trace(
  shop.spans.map((span) =>
    span.name === 'charge'
      ? createSpan({ ...span, attributes: { ...span.attributes, 'http.request.header.authorization': 'Bearer s3cret' } })
      : span,
  ),
  shop.traceId,
);

/** `toHaveSpan` under either runner. */
export const toHaveSpanScenarios: ScenarioTable = {
  overTrace: [
    {
      title: 'passes for an object selector, with or without attributes',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpan({ service: 'payments', name: 'charge', attributes: { 'payment.amount': 40 } });
        expect(trace).toHaveSpan({ service: 'payments', name: 'charge' });
      },
      pass: true,
    },
    {
      title: 'passes for a string selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan('span[service.name="inventory" name="reserve"]'),
      pass: true,
    },
    {
      title: 'passes .not when no span matches',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveSpan({ name: 'refund' }),
      pass: true,
    },
    {
      title: 'accepts RegExp and asymmetric matchers',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpan({ name: /^INSERT/, attributes: { 'db.system': expect.stringMatching(/sql/) } });
        expect(trace).toHaveSpan({ service: 'payments', attributes: { 'payment.amount': expect.any(Number) } });
        expect(trace).toHaveSpan({ name: expect.stringMatching(/^INSERT/), attributes: { 'db.system': expect.any(String) } });
        expect(trace).not.toHaveSpan({ attributes: { 'payment.amount': expect.any(String) } });
      },
      pass: true,
    },
    {
      title: 'checks counts',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpan({ name: 'INSERT orders' }, { count: 2 });
        expect(trace).toHaveSpan({ name: 'INSERT orders' }, { minCount: 1, maxCount: 2 });
        expect(trace).not.toHaveSpan({ name: 'INSERT orders' }, { count: 1 });
      },
      pass: true,
    },
    {
      title: 'checks that every matching span is within the duration bounds',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpan({ name: 'charge' }, { maxDuration: '25ms', minDuration: 15 });
        expect(trace).toHaveSpan('span[name="INSERT orders"]', { count: 2, maxDuration: '5ms' });
        expect(trace).not.toHaveSpan({ name: 'charge' }, { maxDuration: '10ms' });
      },
      pass: true,
    },
    {
      title: 'fails when no span matches',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan({ name: 'refund' }),
      fail: ['Received: 0 matching spans'],
    },
    {
      title: 'fails with the expectation, the closest spans and the trace tree',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan({ service: 'payments', name: 'charge', attributes: { 'payment.amount': 50 } }),
      fail: [
        'Expected: at least 1 span matching',
        'Received: 0 matching spans',
        'Closest spans:',
        'payment.amount: expected 50, got 40',
        '└─ orders  INSERT orders',
        'gateway  POST /orders  (40ms server, at +0µs)',
      ],
    },
    {
      title: 'names the slow spans when a duration bound fails',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan({ name: 'charge' }, { maxDuration: '10ms' }),
      fail: ['Too slow (> 10ms): payments  charge  (20ms)', /› ├─ payments {2}charge/],
    },
    {
      title: 'fails .not with the matching spans listed',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveSpan({ service: 'inventory' }),
      fail: ['Expected: not at least 1 span matching', 'inventory  reserve  (12ms)'],
    },
    {
      title: 'fails .not for a span that exists',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveSpan({ name: 'charge' }),
      fail: ['Expected: not at least 1 span matching'],
    },
    {
      title: 'redacts secrets in candidate differences',
      trace: withSecret,
      assert: (expect, trace) => expect(trace).toHaveSpan({ name: 'charge', attributes: { 'http.request.header.authorization': 'x' } }),
      fail: ['[redacted]'],
      omits: ['s3cret'],
    },
    {
      title: 'shows which filter each near miss of a string selector failed',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan('span[service.name="payments" name="refund"]'),
      fail: ['Closest spans:', /payments {2}charge\n {6}name: expected = "refund", got "charge"/],
    },
    {
      title: 'prints the expectation, the closest spans and the tree, in this order',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan('span[service.name="payments" name="refund"]'),
      fail: spanMessage,
    },
    {
      title: 'rejects an unknown option before looking at the trace',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan({ name: 'x' }, { cuont: 1 } as never),
      fail: [/Unknown option `cuont`/],
    },
    {
      title: 'rejects a duration it cannot read',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan({ name: 'x' }, { maxDuration: 'fast' }),
      fail: [/Invalid maxDuration "fast"/],
    },
    {
      title: 'rejects a selector that is not a selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan(42 as never),
      fail: [/selector must be a string/],
    },
    {
      title: 'rejects a string selector that does not parse',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpan('span[name="x"'),
      fail: [/column/],
    },
    {
      title: 'rejects a received value that is not a trace',
      trace: shop,
      assert: (expect) => expect({ spans: [] }).toHaveSpan({ name: 'x' }),
      fail: [/must be a Trace or a pending trace/],
    },
    {
      title: 'works as an asymmetric matcher over a Trace',
      trace: shop,
      assert: (expect, trace) => {
        expect({ trace }).toEqual({ trace: expect.toHaveSpan({ name: 'charge' }) });
        expect({ trace }).toEqual({ trace: expect.not.toHaveSpan({ name: 'refund' }) });
      },
      pass: true,
    },
  ],
  overPending: [
    {
      title: 'resolves as soon as the span arrives, before the trace settles',
      // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
      arriving: arrival(shop, [[20, shop.spans.slice(0, 2)]], { timeoutMs: 60_000, quietWindowMs: 60_000 }),
      assert: (expect, pending) => expect(pending).toHaveSpan({ name: 'reserve' }),
      pass: true,
    },
    {
      title: 'names the likely causes when no span of the trace arrived by the deadline',
      arriving: arrival(shop, [], { timeoutMs: 200 }),
      assert: (expect, pending) => expect(pending).toHaveSpan({ name: 'reserve' }),
      fail: ['0 spans', 'NOT settled', 'Likely causes:', 'OTEL_BSP_SCHEDULE_DELAY', 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    },
    {
      title: 'fails once the trace settled without the span, saying it settled',
      arriving: arrival(shop, [[0, shop.spans]]),
      assert: (expect, pending) => expect(pending).toHaveSpan({ name: 'refund' }),
      fail: ['· settled', 'Received: 0 matching spans'],
    },
    {
      title: 'waits for settling before passing an exact count, so late spans count',
      arriving: arrival(shop, [
        [0, shop.spans.slice(0, 4)],
        [30, shop.spans.slice(4)],
      ]),
      assert: async (expect, pending) => {
        await expect(pending).not.toHaveSpan({ name: 'INSERT orders' }, { count: 1 });
        await expect(pending).toHaveSpan({ name: 'INSERT orders' }, { count: 2 });
      },
      pass: true,
    },
    {
      title: 'waits for the span, and counts late spans for an exact count, with the root arriving last',
      arriving: arrival(shop, [
        [0, shop.spans.slice(1, 5)],
        [30, [shop.spans[0]!, shop.spans[5]!]],
      ]),
      assert: async (expect, pending) => {
        await expect(pending).toHaveSpan({ name: 'reserve' });
        await expect(pending).toHaveSpan({ name: 'INSERT orders' }, { count: 2 });
      },
      pass: true,
    },
    {
      title: 'says the trace may be incomplete when the deadline passes',
      arriving: arrival(shop, [[0, shop.spans.slice(1, 3)]], { timeoutMs: 300 }),
      assert: (expect, pending) => expect(pending).toHaveSpan({ name: 'refund' }),
      fail: ['NOT settled: the trace may be incomplete', 'point at a parent that has not arrived'],
    },
  ],
};
