import { buildTrace } from '../../helpers/build-trace';
import { arrival } from './arrival';
import { spanCountMessage } from './pinned-messages';
import { shop } from './shop-traces';
import type { ScenarioTable, TraceScenario } from './trace-scenario';

const notACount =
  /^\[traceproof\] expect\(received\)\.toHaveSpanCount\(expected\)\n\nThe expected count must be a whole number ≥ 0 or an asymmetric matcher\.\nGot: /;

/** A count that is not a whole number ≥ 0 fails before the trace is looked at. */
const rejectsCount = (count: unknown, ...also: RegExp[]): TraceScenario => ({
  title: `rejects ${typeof count === 'string' ? `the string "${count}"` : String(count)} as the count`,
  trace: shop,
  assert: (expect, trace) => expect(trace).toHaveSpanCount(count),
  fail: [notACount, ...also],
});

/** `toHaveSpanCount` under either runner. */
export const toHaveSpanCountScenarios: ScenarioTable = {
  overTrace: [
    {
      title: 'passes when the trace has exactly that many spans',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpanCount(6);
        expect(buildTrace([])).toHaveSpanCount(0);
      },
      pass: true,
    },
    {
      title: 'fails with the expected and received counts and the trace tree',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanCount(3),
      fail: spanCountMessage,
    },
    {
      title: 'passes .not for any other count',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).not.toHaveSpanCount(5);
        expect(trace).not.toHaveSpanCount(7);
      },
      pass: true,
    },
    {
      title: 'fails .not for the actual count',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toHaveSpanCount(6),
      fail: [/^expect\(trace\)\.not\.toHaveSpanCount\(count\)\n\nExpected: not 6 spans\nReceived: 6 spans\n\nTrace /],
    },
    {
      title: 'accepts an asymmetric matcher as the count',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toHaveSpanCount(expect.any(Number));
        expect(trace).not.toHaveSpanCount(expect.any(String));
      },
      pass: true,
    },
    {
      title: 'fails with the asymmetric matcher as the expected count',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanCount(expect.any(String)),
      fail: ['Expected: Any<String> spans\nReceived: 6 spans\n'],
    },
    {
      title: 'works as an asymmetric matcher over a Trace',
      trace: shop,
      assert: (expect, trace) => {
        expect({ trace }).toEqual({ trace: expect.toHaveSpanCount(6) });
        expect({ trace }).not.toEqual({ trace: expect.toHaveSpanCount(2) });
        expect({ trace }).toEqual({ trace: expect.not.toHaveSpanCount(2) });
      },
      pass: true,
    },
    {
      title: 'rejects -1 as the count, before looking at the trace',
      trace: shop,
      assert: (expect, trace) => expect(trace).toHaveSpanCount(-1),
      fail: '[traceproof] expect(received).toHaveSpanCount(expected)\n\nThe expected count must be a whole number ≥ 0 or an asymmetric matcher.\nGot: -1',
    },
    rejectsCount(1.5),
    rejectsCount('3', /\nGot: "3"$/),
    rejectsCount(undefined),
    rejectsCount(Number.NaN),
  ],
  overPending: [
    {
      title: 'counts the spans that arrive after the count was first reached',
      // The root arrives last, so the trace cannot settle on the first three spans.
      arriving: arrival(shop, [
        [0, shop.spans.slice(1, 4)],
        [30, [shop.spans[0]!, ...shop.spans.slice(4)]],
      ]),
      assert: async (expect, pending) => {
        await expect(pending).not.toHaveSpanCount(3);
        await expect(pending).toHaveSpanCount(6);
      },
      pass: true,
    },
    {
      title: 'once there are more spans than expected, waits for the rest of the trace before printing it, not for the deadline',
      // Deadline of 60 s: finishing within the test's timeout shows it waited only for the trace to settle.
      arriving: arrival(shop, [[0, shop.spans]], { timeoutMs: 60_000, quietWindowMs: 50 }),
      assert: (expect, pending) => expect(pending).toHaveSpanCount(4),
      fail: ['Expected: 4 spans\nReceived: 6 spans', /· settled \(waited/],
    },
    {
      title: 'says the count was taken at the deadline when the trace never settled',
      arriving: arrival(shop, [[0, shop.spans.slice(1)]], { timeoutMs: 300 }),
      assert: (expect, pending) => expect(pending).toHaveSpanCount(6),
      fail: [
        'Expected: 6 spans\nReceived: 5 spans',
        /· NOT settled: the trace may be incomplete \(deadline passed after [\d.]+m?s\)\n {2}- the root span has not arrived/,
      ],
    },
  ],
};
