import { describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { runScenario } from '../../matchers/support/run-scenario';
import { shop } from '../../matchers/support/shop-traces';
import { toHaveSpanBeforeScenarios } from '../../matchers/support/to-have-span-before-scenarios';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveSpanBefore under Jest', () => {
  for (const s of toHaveSpanBeforeScenarios.overTrace) test(s.title, () => runScenario(traceExpect, s));

  test('prints object selectors with Jest’s own formatting', async () => {
    const message = await failureMessage(() => expect(shop).toHaveSpanBefore({ name: 'reserve' }, { service: 'shipping' }));
    expect(message).toContain(
      'Expected: spans matching {"name": "reserve"}\n          to end before spans matching {"service": "shipping"} start\n',
    );
    expect(message).toContain('Received: no span matches the second selector\n\nClosest spans to the second selector:\n');
  });
});

describe('toHaveSpanBefore over a pending trace under Jest', () => {
  for (const s of toHaveSpanBeforeScenarios.overPending) test(s.title, () => runScenario(traceExpect, s));
});
