import { beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { failureMessage } from '../helpers/failure-message';
import { runScenario } from './support/run-scenario';
import { shop } from './support/shop-traces';
import { toHaveChildSpanScenarios } from './support/to-have-child-span-scenarios';
import { vitestExpect } from './support/vitest-expect';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveChildSpan over a Trace', () => {
  for (const s of toHaveChildSpanScenarios.overTrace) it(s.title, () => runScenario(vitestExpect, s));

  it('prints object selectors with Vitest’s own formatting', async () => {
    const message = await failureMessage(() => expect(shop).not.toHaveChildSpan({ name: 'charge' }, { service: 'bank' }));
    expect(message).toMatch(
      /^expect\(trace\)\.not\.toHaveChildSpan\(parent, child\)\n\nExpected: no span matching Object \{\n {2}"service": "bank",\n\}\n {10}as a direct child of a span matching Object \{/,
    );
  });
});

describe('toHaveChildSpan over a pending trace', () => {
  for (const s of toHaveChildSpanScenarios.overPending) it(s.title, () => runScenario(vitestExpect, s));
});
