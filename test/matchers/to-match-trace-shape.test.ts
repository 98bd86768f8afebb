import { beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { runScenario } from './support/run-scenario';
import { toMatchTraceShapeScenarios } from './support/to-match-trace-shape-scenarios';
import { vitestExpect } from './support/vitest-expect';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toMatchTraceShape over a Trace', () => {
  for (const s of toMatchTraceShapeScenarios.overTrace) it(s.title, () => runScenario(vitestExpect, s));
});

describe('toMatchTraceShape over a pending trace', () => {
  for (const s of toMatchTraceShapeScenarios.overPending) it(s.title, () => runScenario(vitestExpect, s));
});
