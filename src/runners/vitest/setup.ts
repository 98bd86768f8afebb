import { afterAll, expect, test } from 'vitest';
import { closeBackends } from '../../../adapters/resolve-backend';
import { traceMatchers } from '../../../matchers/index';
import type { TraceAssertionResult, TraceMatchers } from '../../../matchers/trace-matchers';
import { createTraceFixtures, type TraceFixtures } from '../../trigger/trace-fixtures';
import { unawaitedAssertionsError } from '../../wait/assertion-ledger';
import { createTestSession } from '../shared/create-trace-session';
import { installTraceproof } from '../shared/install-traceproof';
import { fitTimeouts } from './fit-timeouts';

expect.extend(traceMatchers);
const uninstall = installTraceproof();
afterAll(async () => {
  await closeBackends();
  await uninstall();
});

/**
 * Vitest's `test` with trace fixtures: `http`, `run`, `traceId`. Everything else (`.only`,
 * `.skip`, `.each`, `.concurrent`, timeouts, reporters, IDE explorers) is Vitest's own.
 * @example traceTest('checkout', async ({ http }) => { const res = await http.post(url); await expect(res.trace).toHaveSpan({ name: 'charge' }) })
 */
export const traceTest = fitTimeouts(
  test.extend<TraceFixtures & { traceproof: TraceFixtures }>({
    traceproof: async ({ signal, task }, use) => {
      const session = createTestSession('vitest', task.timeout, signal);
      await use(createTraceFixtures(session));
      const unawaited = session.ledger.abandonWaiting();
      // A test that timed out or already failed left its assertions waiting for that reason.
      const endedEarly = signal.aborted || task.result?.state === 'fail';
      if (unawaited.length > 0 && !endedEarly) throw unawaitedAssertionsError(unawaited);
    },
    http: async ({ traceproof }, use) => use(traceproof.http),
    run: async ({ traceproof }, use) => use(traceproof.run),
    traceId: async ({ traceproof }, use) => use(traceproof.traceId),
    traces: async ({ traceproof }, use) => use(traceproof.traces),
  }),
);

export { traceMatchers };
export type { TraceFixtures };

declare module 'vitest' {
  interface Matchers<T = any> extends TraceMatchers<T> {}
}
export type { TraceAssertionResult };
