import { describe, test } from '@jest/globals';
import { runScenario } from '../../matchers/support/run-scenario';
import { toHaveSpanCountScenarios } from '../../matchers/support/to-have-span-count-scenarios';
import { traceExpect } from './support/trace-asymmetric';

describe('toHaveSpanCount under Jest', () => {
  for (const s of toHaveSpanCountScenarios.overTrace) test(s.title, () => runScenario(traceExpect, s));
});

describe('toHaveSpanCount over a pending trace under Jest', () => {
  for (const s of toHaveSpanCountScenarios.overPending) test(s.title, () => runScenario(traceExpect, s));
});
