import { describe, expect, test } from '@jest/globals';
import { failureMessage } from '../../helpers/failure-message';
import { runScenario } from '../../matchers/support/run-scenario';
import { declined } from '../../matchers/support/shop-traces';
import { toHaveErrorsScenarios } from '../../matchers/support/to-have-errors-scenarios';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveErrors under Jest', () => {
  for (const s of toHaveErrorsScenarios.overTrace) test(s.title, () => runScenario(traceExpect, s));

  test('prints an object selector with Jest’s own formatting', async () => {
    expect(await failureMessage(() => expect(declined).toHaveErrors({ service: 'inventory' }))).toContain(
      'Expected: a span with error status among spans matching {"service": "inventory"}\nReceived: 0 spans with error status\n',
    );
  });
});

describe('toHaveErrors over a pending trace under Jest', () => {
  for (const s of toHaveErrorsScenarios.overPending) test(s.title, () => runScenario(traceExpect, s));
});
