import { beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { pendingTrace } from '../helpers/pending-from-spans';
import { runScenario } from './support/run-scenario';
import { shop } from './support/shop-traces';
import { toHaveSpanScenarios } from './support/to-have-span-scenarios';
import { vitestExpect } from './support/vitest-expect';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveSpan over a Trace', () => {
  for (const s of toHaveSpanScenarios.overTrace) it(s.title, () => runScenario(vitestExpect, s));
});

describe('toHaveSpan over a pending trace', () => {
  for (const s of toHaveSpanScenarios.overPending) it(s.title, () => runScenario(vitestExpect, s));
});

describe('toHaveSpan as an asymmetric matcher over a pending trace', () => {
  it('refuses with a message instead of silently never matching', async () => {
    const { pending, deliver, close } = pendingTrace(shop);
    deliver(shop.spans);
    try {
      expect(() => expect({ trace: pending }).toEqual({ trace: expect.toHaveSpan({ name: 'charge' }) })).toThrow(
        /toHaveSpan was used where its answer is needed at once .* Await the trace first/,
      );
    } finally {
      await close();
    }
  });
});
