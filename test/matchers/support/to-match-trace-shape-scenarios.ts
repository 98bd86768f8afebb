import { arrival } from './arrival';
import { incompleteShape, traceShapeMessage } from './pinned-messages';
import { shop, spanOf } from './shop-traces';
import type { ScenarioTable } from './trace-scenario';

const fullShape = `
  gateway POST /orders
    inventory reserve
    payments charge
      bank authorize
    orders INSERT orders
    orders INSERT orders
`;

/** {@link fullShape} with the gateway's children in another order. */
const reorderedShape = `
  gateway POST /orders
    orders INSERT orders
    payments charge
      bank authorize
    inventory reserve
    orders INSERT orders
`;

/** Delivered apart (the authorisation and the inserts 50 ms late), so the trace is whole only once it settles. */
const lateLeaves = arrival(
  shop,
  [
    [0, shop.spans.filter((s) => s.name !== 'authorize' && s.name !== 'INSERT orders')],
    [50, shop.spans.filter((s) => s.name === 'authorize' || s.name === 'INSERT orders')],
  ],
  { quietWindowMs: 1_000 },
);

/** `toMatchTraceShape` under either runner. */
export const toMatchTraceShapeScenarios: ScenarioTable = {
  overTrace: [
    {
      title: 'passes for the exact tree, whatever the indentation width',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toMatchTraceShape(fullShape);
        expect(trace).toMatchTraceShape(
          'gateway POST /orders\n    inventory reserve\n    payments charge\n        bank authorize\n    orders INSERT orders\n    orders INSERT orders',
        );
      },
      pass: true,
    },
    {
      title: 'lets siblings come in any order',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toMatchTraceShape(`
          gateway POST /orders
            orders INSERT orders
            payments charge
              bank authorize
            orders INSERT orders
            inventory reserve
        `);
        expect(trace).toMatchTraceShape(reorderedShape);
      },
      pass: true,
    },
    {
      title: 'takes * for any service or name, and ... for further children at that level',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).toMatchTraceShape(`
          gateway *
            * reserve
            payments charge
              ...
            ...
        `);
        expect(trace).toMatchTraceShape(`
          * *
            ...
        `);
        expect(trace).toMatchTraceShape('gateway *\n  payments charge\n    bank *\n  ...');
      },
      pass: true,
    },
    {
      title: 'reads a line with nothing indented below it as a span without children',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).not.toMatchTraceShape('gateway POST /orders\n  payments charge\n  ...');
        expect(trace).not.toMatchTraceShape('gateway *\n  payments charge\n  ...');
        expect(trace).toMatchTraceShape('gateway POST /orders\n  payments charge\n    ...\n  ...');
      },
      pass: true,
    },
    {
      title: 'fails when a span is missing, extra, or under another parent',
      trace: shop,
      assert: (expect, trace) => {
        expect(trace).not.toMatchTraceShape(incompleteShape);
        expect(trace).not.toMatchTraceShape(`${fullShape}\n    orders INSERT orders`);
        expect(trace).not.toMatchTraceShape(`
          gateway POST /orders
            inventory reserve
            payments charge
            bank authorize
            orders INSERT orders
            orders INSERT orders
        `);
        expect(trace).not.toMatchTraceShape(`
          gateway POST /orders
            ...
            shipping *
        `);
      },
      pass: true,
    },
    {
      title: 'works as an asymmetric matcher over a Trace',
      trace: shop,
      assert: (expect, trace) => {
        expect({ trace }).toEqual({ trace: expect.toMatchTraceShape(fullShape) });
        expect({ trace }).toEqual({ trace: expect.toMatchTraceShape(reorderedShape) });
        expect({ trace }).toEqual({ trace: expect.not.toMatchTraceShape(incompleteShape) });
      },
      pass: true,
    },
    {
      title: 'fails with the expected and the received shape, and the trace tree',
      trace: shop,
      assert: (expect, trace) => expect(trace).toMatchTraceShape(incompleteShape),
      fail: traceShapeMessage,
    },
    {
      title: 'fails .not for a shape the trace has',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toMatchTraceShape(reorderedShape),
      fail: ['Expected shape not:'],
    },
    {
      title: 'fails .not with the expected shape as written, `...` included',
      trace: shop,
      assert: (expect, trace) => expect(trace).not.toMatchTraceShape('gateway POST /orders\n   ...'),
      fail: [
        /^expect\(trace\)\.not\.toMatchTraceShape\(shape\)\n\nExpected shape not:\ngateway POST \/orders\n {2}\.\.\.\nReceived shape:\ngateway POST \/orders\n {2}inventory reserve\n/,
      ],
    },
    {
      title: 'rejects an array as the shape',
      trace: shop,
      assert: (expect, trace) => expect(trace).toMatchTraceShape(['gateway POST /orders'] as never),
      fail: [
        /^\[traceproof\] expect\(received\)\.toMatchTraceShape\(expected\)\n\nThe shape must be a string of indented `service name` lines\.\nGot: /,
      ],
    },
    {
      title: 'rejects a number as the shape',
      trace: shop,
      assert: (expect, trace) => expect(trace).toMatchTraceShape(7 as never),
      fail: [/The shape must be a string of indented `service name` lines/],
    },
    {
      title: 'rejects a line without a span name',
      trace: shop,
      assert: (expect, trace) => expect(trace).toMatchTraceShape('gateway POST /orders\n  inventory'),
      fail: ['[traceproof] Trace shape line 2 "inventory" needs a service and a span name, e.g. "orders POST /orders" (use * for any).'],
    },
    {
      title: 'rejects a received value that is not a trace',
      trace: shop,
      assert: (expect) => expect(42).toMatchTraceShape('* *'),
      fail: [/The received value must be a Trace or a pending trace/],
    },
  ],
  overPending: [
    {
      title: 'passes once the trace settled, siblings delivered in any order and the root last',
      arriving: arrival(shop, [
        [0, [...shop.spans.slice(1)].reverse().slice(0, 2)],
        [20, [...shop.spans.slice(1)].reverse().slice(2)],
        [40, shop.spans.slice(0, 1)],
      ]),
      assert: (expect, pending) => expect(pending).toMatchTraceShape(reorderedShape),
      pass: true,
    },
    {
      title: 'passes once the trace settled, every child delivered at once in reverse and the root later',
      arriving: arrival(shop, [
        [0, [...shop.spans.slice(1)].reverse()],
        [30, shop.spans.slice(0, 1)],
      ]),
      assert: (expect, pending) => expect(pending).toMatchTraceShape(reorderedShape),
      pass: true,
    },
    {
      title: 'does not pass on a partial trace that happens to match: spans arriving before it settled count',
      arriving: lateLeaves,
      assert: (expect, pending) =>
        expect(pending).toMatchTraceShape(`
          gateway POST /orders
            inventory reserve
            payments charge
        `),
      fail: [
        'Received shape:\ngateway POST /orders\n  inventory reserve\n  payments charge\n    bank authorize\n  orders INSERT orders\n  orders INSERT orders\n',
        '· 6 spans · settled',
      ],
    },
    {
      title: 'passes on the settled trace for a shape open where the late spans arrived',
      arriving: lateLeaves,
      assert: (expect, pending) =>
        expect(pending).toMatchTraceShape(`
          gateway POST /orders
            inventory reserve
            payments charge
              ...
            ...
        `),
      pass: true,
    },
    {
      title: 'fails at the deadline with the shape received so far when a parent never arrived',
      arriving: arrival(shop, [[0, [spanOf(shop, 'authorize')]]], { timeoutMs: 300 }),
      assert: (expect, pending) => expect(pending).toMatchTraceShape('payments charge\n  bank authorize'),
      fail: [
        'Received shape:\nbank authorize\n',
        '· NOT settled: the trace may be incomplete',
        '\n  bank  authorize  (10ms client, at +0µs)  [parent 0000000000000003 not in trace]',
      ],
    },
  ],
};
