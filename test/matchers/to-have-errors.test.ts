import { beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { failureMessage } from '../helpers/failure-message';
import { runScenario } from './support/run-scenario';
import { declined } from './support/shop-traces';
import { toHaveErrorsScenarios } from './support/to-have-errors-scenarios';
import { vitestExpect } from './support/vitest-expect';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveErrors over a Trace', () => {
  for (const s of toHaveErrorsScenarios.overTrace) it(s.title, () => runScenario(vitestExpect, s));

  it('prints an object selector with Vitest’s own formatting', async () => {
    const message = await failureMessage(() => expect(declined).toHaveErrors({ service: 'inventory' }));
    expect(message).toMatch(
      /^expect\(trace\)\.toHaveErrors\(selector\)\n\nExpected: a span with error status among spans matching Object \{\n {2}"service": "inventory",\n\}\nReceived: 0 spans with error status\n\nTrace /,
    );
  });
});

describe('toHaveErrors over a pending trace', () => {
  for (const s of toHaveErrorsScenarios.overPending) it(s.title, () => runScenario(vitestExpect, s));
});
