import { buildTrace } from '../../helpers/build-trace';
import { Trace } from '../../../src/trace/trace';
import { arrival } from './arrival';
import { childSpanMessage } from './pinned-messages';
import { shop, spanOf } from './shop-traces';
import type { ScenarioTable } from './trace-scenario';

const orphans = buildTrace([
  { service: 'web', name: 'GET /' },
  { service: 'api', name: 'charge', spanId: 'a1' },
]);
const withMissingParent = buildTrace([{ service: 'api', name: 'handler', children: [{ service: 'api', name: 'charge' }] }]);
const partial = new Trace(withMissingParent.spans.slice(1), withMissingParent.traceId);

/** `toHaveChildSpan` under either runner. */
export const toHaveChildSpanScenarios: ScenarioTable = {
  overTrace: [
    {
      title: 'passes for a direct child, with object or string selectors',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveChildSpan({ service: 'gateway' }, { service: 'payments', name: 'charge' });
        expect(trace).toHaveChildSpan({ service: 'gateway' }, { name: 'charge' });
        expect(trace).toHaveChildSpan('span[name="charge"]', 'span[service.name="bank" kind="client"]');
        expect(trace).toHaveChildSpan({ name: 'POST /orders' }, { name: 'INSERT orders', attributes: { 'db.system': 'sqlite' } });
      },
      pass: true,
    },
    {
      title: 'does not count grandchildren, siblings or the reverse relation',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).not.toHaveChildSpan({ service: 'gateway' }, { service: 'bank' });
        expect(trace).not.toHaveChildSpan({ name: 'reserve' }, { name: 'charge' });
        expect(trace).not.toHaveChildSpan({ name: 'charge' }, { name: 'POST /orders' });
      },
      pass: true,
    },
    {
      title: 'accepts asymmetric matchers and RegExps inside the selectors',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveChildSpan({ name: expect.stringMatching(/^POST /) }, { attributes: { sku: expect.any(String), qty: 2 } });
        expect(trace).toHaveChildSpan({ name: expect.stringMatching(/^POST /) }, { attributes: { sku: expect.any(String) } });
        expect(trace).toHaveChildSpan({ service: /pay/ }, { name: expect.stringContaining('auth') });
        expect(trace).not.toHaveChildSpan(
          { name: expect.stringMatching(/^POST /) },
          { attributes: { 'payment.amount': expect.any(String) } },
        );
        expect(trace).not.toHaveChildSpan({ name: expect.stringMatching(/^POST /) }, { service: expect.stringMatching(/^bank$/) });
      },
      pass: true,
    },
    {
      title: 'works as an asymmetric matcher over a Trace',
      trace: shop,
      assert: (expect, trace) => {
        expect({ trace }).toEqual({ trace: expect.toHaveChildSpan({ name: 'charge' }, { name: 'authorize' }) });
        expect({ trace }).toEqual({ trace: expect.not.toHaveChildSpan({ name: 'reserve' }, { name: 'authorize' }) });
      },
      pass: true,
    },
    {
      title: 'fails with the candidates, the child candidates’ actual parents and both marked in the tree',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveChildSpan('span[name="reserve"]', 'span[name="authorize"]'),
      fail: childSpanMessage,
    },
    {
      title: 'says when a child candidate is a root',
      trace: orphans,
      assert: (expect, trace) => expect(trace).toHaveChildSpan({ service: 'web' }, { name: 'charge' }),
      fail: ['Child candidates and their actual parents:\n  api  charge  ← parent: none (root)\n'],
    },
    {
      title: 'says when a child candidate’s parent is not in the trace',
      trace: partial,
      assert: (expect, trace) => expect(trace).toHaveChildSpan({ service: 'web' }, { name: 'charge' }),
      fail: ['  api  charge  ← parent: 0000000000000001 (not in trace)\n'],
    },
    {
      title: 'names the closest spans when the child selector matches nothing',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveChildSpan('span[service.name="gateway"]', 'span[name="refund"]'),
      fail: [
        'Received: 1 parent candidate(s), 0 child candidate(s), 0 matching pair(s)\n\nClosest spans to the child selector:\n  gateway  POST /orders\n      name: expected = "refund", got "POST /orders"\n',
        /\n› gateway {2}POST \/orders/,
      ],
    },
    {
      title: 'names the closest spans to each selector when both match nothing',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveChildSpan({ service: 'gatewya' }, { service: 'payments', name: 'refund' }),
      fail: [
        '\nClosest spans to the parent selector:\n  gateway  POST /orders\n      service: expected "gatewya", got "gateway"\n',
        '\nClosest spans to the child selector:\n  payments  charge\n      name: expected "refund", got "charge"\n',
      ],
    },
    {
      title: 'fails .not with the matching pair marked',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveChildSpan({ name: 'charge' }, { service: 'bank' }),
      fail: [
        'Received: 1 parent candidate(s), 1 child candidate(s), 1 matching pair(s)\n\nTrace ',
        '› ├─ payments  charge  (20ms, at +14ms)\n› │  └─ bank  authorize  (10ms client, at +15ms)\n',
      ],
    },
    {
      title: 'rejects a parent selector that is not a selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveChildSpan(undefined as never, { name: 'charge' }),
      fail: [/toHaveChildSpan[\s\S]*The selector must be a string/],
    },
    {
      title: 'rejects a child selector that is not a selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveChildSpan({ name: 'charge' }, null as never),
      fail: [/The selector must be a string/],
    },
    {
      title: 'rejects a string selector that does not parse',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveChildSpan('span[', 'span[name="charge"]'),
      fail: [/Invalid span selector at column/],
    },
    {
      title: 'rejects a received value that is not a trace',
      trace: shop,
      assert: (expect) => expect('trace').toHaveChildSpan({}, {}),
      fail: [/The received value must be a Trace or a pending trace/],
    },
  ],
  overPending: [
    {
      title: 'passes as soon as the parent of an early child arrives, before the trace settles',
      // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
      arriving: arrival(
        shop,
        [
          [0, [spanOf(shop, 'authorize')]],
          [30, [spanOf(shop, 'charge')]],
        ],
        { timeoutMs: 60_000, quietWindowMs: 60_000 },
      ),
      assert: (expect, pending) => expect(pending).toHaveChildSpan({ name: 'charge' }, { name: 'authorize' }),
      pass: true,
    },
    {
      title: '.not waits until the trace settled, then passes',
      arriving: arrival(shop, [
        [0, shop.spans.slice(1)],
        [30, shop.spans.slice(0, 1)],
      ]),
      assert: async (expect, pending) => {
        await expect(pending).not.toHaveChildSpan({ name: 'reserve' }, { name: 'authorize' });
        expect((await pending.snapshot()).size).toBe(shop.size);
      },
      pass: true,
    },
    {
      title: '.not catches a pair completed by a late parent',
      arriving: arrival(shop, [
        [0, shop.spans.slice(1)],
        [30, shop.spans.slice(0, 1)],
      ]),
      assert: (expect, pending) => expect(pending).not.toHaveChildSpan({ service: 'gateway' }, { service: 'inventory' }),
      fail: ['Received: 1 parent candidate(s), 1 child candidate(s), 1 matching pair(s)'],
    },
  ],
};
