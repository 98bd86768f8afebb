import { describe, test } from '@jest/globals';
import { runScenario } from '../../matchers/support/run-scenario';
import { toMatchTraceShapeScenarios } from '../../matchers/support/to-match-trace-shape-scenarios';
import { traceExpect } from './support/trace-asymmetric';

describe('toMatchTraceShape under Jest', () => {
  for (const s of toMatchTraceShapeScenarios.overTrace) test(s.title, () => runScenario(traceExpect, s));
});

describe('toMatchTraceShape over a pending trace under Jest', () => {
  for (const s of toMatchTraceShapeScenarios.overPending) test(s.title, () => runScenario(traceExpect, s));
});
