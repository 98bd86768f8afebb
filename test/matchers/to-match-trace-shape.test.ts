import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { expectNot } from './support/expect-not';
import { failureMessage } from '../helpers/failure-message';
import { pendingTrace } from '../helpers/pending-from-spans';
import { incompleteShape, traceShapeMessage } from './support/pinned-messages';
import { shop, spanOf } from './support/shop-traces';

beforeAll(() => {
  expect.extend(traceMatchers);
});

const fullShape = `
  gateway POST /orders
    inventory reserve
    payments charge
      bank authorize
    orders INSERT orders
    orders INSERT orders
`;

describe('toMatchTraceShape over a Trace', () => {
  it('passes for the exact tree, whatever the indentation width', () => {
    expect(shop).toMatchTraceShape(fullShape);
    expect(shop).toMatchTraceShape(
      'gateway POST /orders\n    inventory reserve\n    payments charge\n        bank authorize\n    orders INSERT orders\n    orders INSERT orders',
    );
  });

  it('lets siblings come in any order', () => {
    expect(shop).toMatchTraceShape(`
      gateway POST /orders
        orders INSERT orders
        payments charge
          bank authorize
        orders INSERT orders
        inventory reserve
    `);
  });

  it('takes * for any service or name, and ... for further children at that level', () => {
    expect(shop).toMatchTraceShape(`
      gateway *
        * reserve
        payments charge
          ...
        ...
    `);
    expect(shop).toMatchTraceShape(`
      * *
        ...
    `);
  });

  it('reads a line with nothing indented below it as a span without children', () => {
    expect(shop).not.toMatchTraceShape('gateway POST /orders\n  payments charge\n  ...');
    expect(shop).toMatchTraceShape('gateway POST /orders\n  payments charge\n    ...\n  ...');
  });

  it('fails when a span is missing, extra, or under another parent', () => {
    expect(shop).not.toMatchTraceShape(incompleteShape);
    expect(shop).not.toMatchTraceShape(`${fullShape}\n    orders INSERT orders`);
    expect(shop).not.toMatchTraceShape(`
      gateway POST /orders
        inventory reserve
        payments charge
        bank authorize
        orders INSERT orders
        orders INSERT orders
    `);
    expect(shop).not.toMatchTraceShape(`
      gateway POST /orders
        ...
        shipping *
    `);
  });

  it('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: expect.toMatchTraceShape(fullShape) });
    expect({ trace: shop }).toEqual({ trace: expectNot.toMatchTraceShape(incompleteShape) });
  });

  it('fails with the expected and the received shape, and the trace tree', async () => {
    expect(await failureMessage(() => expect(shop).toMatchTraceShape(incompleteShape))).toBe(traceShapeMessage);
  });

  it('fails .not with the expected shape as written, `...` included', async () => {
    const message = await failureMessage(() => expect(shop).not.toMatchTraceShape('gateway POST /orders\n   ...'));
    expect(message).toMatch(/^expect\(trace\)\.not\.toMatchTraceShape\(shape\)\n\nExpected shape not:\ngateway POST \/orders\n {2}\.\.\.\nReceived shape:\ngateway POST \/orders\n {2}inventory reserve\n/);
  });

  it('rejects a shape that is not a string, or a line without a span name', async () => {
    expect(await failureMessage(() => expect(shop).toMatchTraceShape(['gateway POST /orders'] as never))).toMatch(
      /^\[traceproof\] expect\(received\)\.toMatchTraceShape\(expected\)\n\nThe shape must be a string of indented `service name` lines\.\nGot: /,
    );
    expect(() => expect(shop).toMatchTraceShape('gateway POST /orders\n  inventory')).toThrow(
      '[traceproof] Trace shape line 2 "inventory" needs a service and a span name, e.g. "orders POST /orders" (use * for any).',
    );
    expect(() => expect(42).toMatchTraceShape('* *')).toThrow(/The received value must be a Trace or a pending trace/);
  });
});

describe('toMatchTraceShape over a pending trace', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('passes once the trace settled, siblings delivered in any order and the root last', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    const [root, ...rest] = shop.spans;
    deliver([...rest].reverse().slice(0, 2));
    deliver([...rest].reverse().slice(2), 20);
    deliver([root!], 40);
    await expect(pending).toMatchTraceShape(`
      gateway POST /orders
        orders INSERT orders
        payments charge
          bank authorize
        inventory reserve
        orders INSERT orders
    `);
  });

  it('does not pass on a partial trace that happens to match: spans arriving before it settled count', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop, { quietWindowMs: 1_000 });
    close = c;
    deliver(shop.spans.filter((s) => s.name !== 'authorize' && s.name !== 'INSERT orders'));
    deliver(shop.spans.filter((s) => s.name === 'authorize' || s.name === 'INSERT orders'), 50);
    const shape = `
      gateway POST /orders
        inventory reserve
        payments charge
    `;
    const message = await failureMessage(() => expect(pending).toMatchTraceShape(shape));
    expect(message).toContain('Received shape:\ngateway POST /orders\n  inventory reserve\n  payments charge\n    bank authorize\n  orders INSERT orders\n  orders INSERT orders\n');
    expect(message).toContain('· 6 spans · settled');
    await expect(pending).toMatchTraceShape(`
      gateway POST /orders
        inventory reserve
        payments charge
          ...
        ...
    `);
  });

  it('fails at the deadline with the shape received so far when a parent never arrived', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop, { timeoutMs: 300 });
    close = c;
    deliver([spanOf(shop, 'authorize')]);
    const message = await failureMessage(() => expect(pending).toMatchTraceShape('payments charge\n  bank authorize'));
    expect(message).toContain('Received shape:\nbank authorize\n');
    expect(message).toContain('· NOT settled: the trace may be incomplete');
    expect(message).toContain('\n  bank  authorize  (10ms client, at +0µs)  [parent 0000000000000003 not in trace]');
  });
});
