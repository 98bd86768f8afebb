import { afterEach, describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { pendingTrace } from '../../helpers/pending-from-spans';
import { incompleteShape, traceShapeMessage } from '../../matchers/support/pinned-messages';
import { shop } from '../../matchers/support/shop-traces';
import { traceExpect } from './support/trace-asymmetric';

const fullShape = `
  gateway POST /orders
    orders INSERT orders
    payments charge
      bank authorize
    inventory reserve
    orders INSERT orders
`;

describe('toMatchTraceShape under Jest', () => {
  test('passes, fails and negates', () => {
    expect(shop).toMatchTraceShape(fullShape);
    expect(shop).toMatchTraceShape('gateway *\n  payments charge\n    bank *\n  ...');
    expect(shop).not.toMatchTraceShape('gateway *\n  payments charge\n  ...');
    expect(shop).not.toMatchTraceShape(incompleteShape);
    expect(() => expect(shop).not.toMatchTraceShape(fullShape)).toThrow('Expected shape not:');
  });

  test('works as an asymmetric matcher over a Trace', () => {
    expect({ trace: shop }).toEqual({ trace: traceExpect.toMatchTraceShape(fullShape) });
    expect({ trace: shop }).toEqual({ trace: traceExpect.not.toMatchTraceShape(incompleteShape) });
  });

  test('prints the same message as under Vitest', async () => {
    expect(await failureMessage(() => expect(shop).toMatchTraceShape(incompleteShape))).toBe(traceShapeMessage);
  });

  test('rejects a shape that is not a string', () => {
    expect(() => expect(shop).toMatchTraceShape(7 as never)).toThrow(/The shape must be a string of indented `service name` lines/);
  });
});

describe('toMatchTraceShape over a pending trace under Jest', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  test('passes once settled, siblings delivered in any order and the root last', async () => {
    const { pending, deliver, close: c } = pendingTrace(shop);
    close = c;
    const [root, ...rest] = shop.spans;
    deliver([...rest].reverse());
    deliver([root!], 30);
    await expect(pending).toMatchTraceShape(fullShape);
  });
});
