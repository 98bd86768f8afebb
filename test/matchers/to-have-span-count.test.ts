import { beforeAll, describe, expect, it } from 'vitest';
import { traceMatchers } from '../../matchers/index';
import { failureMessage } from '../helpers/failure-message';
import { pendingTrace } from '../helpers/pending-from-spans';
import { runScenario } from './support/run-scenario';
import { shop } from './support/shop-traces';
import { toHaveSpanCountScenarios } from './support/to-have-span-count-scenarios';
import { vitestExpect } from './support/vitest-expect';

beforeAll(() => {
  expect.extend(traceMatchers);
});

describe('toHaveSpanCount over a Trace', () => {
  for (const s of toHaveSpanCountScenarios.overTrace) it(s.title, () => runScenario(vitestExpect, s));

  it('accepts Vitest’s expect.toSatisfy as the count', () => {
    expect(shop).toHaveSpanCount(expect.toSatisfy((n: number) => n > 5));
  });

  it('rejects a received value that is not a trace, printed with Vitest’s own formatting', async () => {
    expect(await failureMessage(() => expect({ spans: [] }).not.toHaveSpanCount(1))).toMatch(
      /^\[traceproof\] expect\(received\)\.not\.toHaveSpanCount\(expected\)\n\nThe received value must be a Trace or a pending trace \(for example `res\.trace` from the http fixture\)\.\nReceived: Object \{/,
    );
  });
});

describe('toHaveSpanCount over a pending trace', () => {
  for (const s of toHaveSpanCountScenarios.overPending) it(s.title, () => runScenario(vitestExpect, s));

  it('waits for the trace to settle before judging an asymmetric count (Vitest’s expect.toSatisfy)', async () => {
    const { pending, deliver, close } = pendingTrace(shop);
    try {
      deliver(shop.spans.slice(1, 3));
      deliver([shop.spans[0]!, ...shop.spans.slice(3)], 30);
      await expect(pending).toHaveSpanCount(expect.toSatisfy((n: number) => n > 5));
    } finally {
      await close();
    }
  });
});
