import { beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { failureMessage } from '../helpers/failure-message';
import { runScenario } from './support/run-scenario';
import { shop } from './support/shop-traces';
import { toHaveSpanBeforeScenarios } from './support/to-have-span-before-scenarios';
import { vitestExpect } from './support/vitest-expect';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveSpanBefore over a Trace', () => {
  for (const s of toHaveSpanBeforeScenarios.overTrace) it(s.title, () => runScenario(vitestExpect, s));

  it('prints object selectors with Vitest’s own formatting', async () => {
    const message = await failureMessage(() => expect(shop).not.toHaveSpanBefore({ name: 'reserve' }, { name: 'charge' }));
    expect(message).toMatch(
      /^expect\(trace\)\.not\.toHaveSpanBefore\(first, second\)\n\nExpected: spans matching Object \{\n {2}"name": "reserve",\n\}\n {10}not to end before spans matching Object \{\n {2}"name": "charge",\n\} start\n/,
    );
  });
});

describe('toHaveSpanBefore over a pending trace', () => {
  for (const s of toHaveSpanBeforeScenarios.overPending) it(s.title, () => runScenario(vitestExpect, s));
});
