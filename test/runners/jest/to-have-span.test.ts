import { describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { runScenario } from '../../matchers/support/run-scenario';
import { shop } from '../../matchers/support/shop-traces';
import { toHaveSpanScenarios } from '../../matchers/support/to-have-span-scenarios';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveSpan under Jest', () => {
  for (const s of toHaveSpanScenarios.overTrace) test(s.title, () => runScenario(traceExpect, s));

  test('prints object selectors and Jest asymmetric matchers with Jest’s own formatting', async () => {
    const message = await failureMessage(() =>
      expect(shop).toHaveSpan({ service: 'payments', attributes: { 'payment.amount': expect.any(String) } }),
    );
    expect(message).toContain(
      'Expected: at least 1 span matching {"attributes": {"payment.amount": Any<String>}, "service": "payments"}\n',
    );
    expect(message).toContain('Closest spans:\n  payments  charge\n      payment.amount: expected Any<String>, got 40\n');
  });
});

describe('toHaveSpan over a pending trace under Jest', () => {
  for (const s of toHaveSpanScenarios.overPending) test(s.title, () => runScenario(traceExpect, s));
});
