import { describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { runScenario } from '../../matchers/support/run-scenario';
import { shop } from '../../matchers/support/shop-traces';
import { toHaveChildSpanScenarios } from '../../matchers/support/to-have-child-span-scenarios';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveChildSpan under Jest', () => {
  for (const s of toHaveChildSpanScenarios.overTrace) test(s.title, () => runScenario(traceExpect, s));

  test('prints object selectors with Jest’s own formatting, and the closest spans', async () => {
    const message = await failureMessage(() =>
      expect(shop).toHaveChildSpan({ service: 'gateway' }, { service: 'payments', name: 'refund' }),
    );
    expect(message).toContain(
      'Expected: a span matching {"name": "refund", "service": "payments"}\n          as a direct child of a span matching {"service": "gateway"}\n',
    );
    expect(message).toContain('Closest spans to the child selector:\n  payments  charge\n      name: expected "refund", got "charge"\n');
  });
});

describe('toHaveChildSpan over a pending trace under Jest', () => {
  for (const s of toHaveChildSpanScenarios.overPending) test(s.title, () => runScenario(traceExpect, s));
});
