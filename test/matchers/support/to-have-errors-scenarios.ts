import { arrival } from './arrival';
import { errorsUnmatchedSelectorMessage, notErrorsMessage } from './pinned-messages';
import { declined, shop, spanOf } from './shop-traces';
import type { ScenarioTable } from './trace-scenario';

const root = spanOf(declined, 'POST /orders');
const clean = shop.spans.filter((s) => s !== spanOf(shop, 'POST /orders') && s.name !== 'charge' && s.name !== 'authorize');
const failing = [spanOf(declined, 'charge'), spanOf(declined, 'authorize')];

/** `toHaveErrors` under either runner. */
export const toHaveErrorsScenarios: ScenarioTable = {
  overTrace: [
    {
      title: 'passes when some span has error status',
      trace: declined,
      assert: (expect, trace) => expect(trace).toHaveErrors(),
      pass: true,
    },
    {
      title: 'passes .not when no span has error status',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveErrors(),
      pass: true,
    },
    {
      title: 'fails when no span has error status',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveErrors(),
      fail: ['Received: 0 spans with error status'],
    },
    {
      title: 'looks only at the spans the selector matches',
      trace: declined,
      assert: (expect, trace) => {
        expect(trace).toHaveErrors({ service: 'bank' });
        expect(trace).toHaveErrors('span[service.name="gateway"] span[name="authorize"]');
        expect(trace).not.toHaveErrors({ service: 'inventory' });
        expect(trace).not.toHaveErrors('span[name="INSERT orders"]');
      },
      pass: true,
    },
    {
      title: 'accepts asymmetric matchers and RegExps inside the selector',
      trace: declined,
      assert: (expect, trace) => {
        expect(trace).toHaveErrors({ service: expect.stringMatching(/^pay/) });
        expect(trace).toHaveErrors({ name: /^auth/, kind: 'client' });
        expect(trace).not.toHaveErrors({ attributes: { sku: expect.any(String) } });
      },
      pass: true,
    },
    {
      title: 'works as an asymmetric matcher over a Trace',
      trace: declined,
      assert: (expect, trace) => {
        expect({ trace }).toEqual({ trace: expect.toHaveErrors({ service: 'payments' }) });
        expect({ trace: shop }).toEqual({ trace: expect.not.toHaveErrors() });
        expect([shop, trace]).toEqual([expect.not.toHaveErrors(), expect.toHaveErrors()]);
      },
      pass: true,
    },
    {
      title: 'fails .not listing each error span with its exception or status message, marked in the tree',
      trace: declined,
      assert: (expect, trace) => expect(trace).not.toHaveErrors(),
      fail: notErrorsMessage,
    },
    {
      title: 'fails with a count of zero and nothing marked when no selected span has an error',
      trace: declined,
      assert: (expect, trace) => expect(trace).toHaveErrors({ service: 'inventory' }),
      fail: [/\nReceived: 0 spans with error status\n\nTrace /],
      omits: ['›', 'Closest spans'],
    },
    {
      title: 'says when the selector matches no span at all, with the closest spans',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveErrors('span[service.name="payment"]'),
      fail: errorsUnmatchedSelectorMessage,
    },
    {
      title: 'rejects a number as the selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveErrors(42 as never),
      fail: [
        /^\[traceproof\] expect\(received\)\.toHaveErrors\(expected\)\n\nThe selector must be a string such as 'span\[name="charge"\]' or an object/,
      ],
    },
    {
      title: 'rejects an array as the selector',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveErrors(['payments'] as never),
      fail: [/selector must be a string/],
    },
    {
      title: 'rejects a string selector that does not parse',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveErrors('span[name="charge"'),
      fail: [/Invalid span selector at column/],
    },
    {
      title: 'rejects a received value that is not a trace',
      trace: shop,
      assert: (expect, trace) => expect(trace.spans).not.toHaveErrors(),
      fail: [/The received value must be a Trace or a pending trace/],
    },
  ],
  overPending: [
    {
      title: '.not waits until the trace settled, then passes',
      arriving: arrival(shop, [
        [0, shop.spans.slice(1)],
        [30, shop.spans.slice(0, 1)],
      ]),
      assert: async (expect, pending) => {
        await expect(pending).not.toHaveErrors();
        expect((await pending.snapshot()).size).toBe(shop.size);
      },
      pass: true,
    },
    {
      title: '.not catches error spans that arrive late',
      arriving: arrival(declined, [
        [0, clean],
        [30, [root, ...failing]],
      ]),
      assert: (expect, pending) => expect(pending).not.toHaveErrors(),
      fail: [
        'Received: 2 spans with error status\n  payments  charge  CardDeclinedError: card declined\n  bank  authorize: do not honor\n',
        /› ├─ payments {2}charge {2}\(20ms, at \+14ms\) {2}✗ error\n/,
      ],
    },
    {
      title: '.not catches one error span that arrives late, and counts it as one',
      arriving: arrival(declined, [
        [0, [spanOf(declined, 'reserve')]],
        [30, [root, spanOf(declined, 'charge')]],
      ]),
      assert: (expect, pending) => expect(pending).not.toHaveErrors(),
      fail: ['Received: 1 span with error status\n  payments  charge  CardDeclinedError: card declined\n'],
    },
    {
      title: 'passes as soon as an error span arrives, before the trace settles',
      // Quiet window and deadline of 60 s: finishing within the test's timeout shows it waited for neither.
      arriving: arrival(
        declined,
        [
          [0, clean],
          [20, failing],
        ],
        { timeoutMs: 60_000, quietWindowMs: 60_000 },
      ),
      assert: (expect, pending) => expect(pending).toHaveErrors({ service: 'bank' }),
      pass: true,
    },
    {
      title: 'fails once the trace settled without an error, saying it settled',
      arriving: arrival(shop, [[0, shop.spans]]),
      assert: (expect, pending) => expect(pending).toHaveErrors(),
      fail: [
        /^expect\(trace\)\.toHaveErrors\(\)\n\nExpected: a span with error status\nReceived: 0 spans with error status\n\nTrace 0af7651916cd43dd8448eb211c80319c · 6 spans · settled \(waited /,
      ],
    },
  ],
};
