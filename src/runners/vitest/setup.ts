import { afterAll, expect, test } from 'vitest';
import { closeBackends } from '../../../adapters/resolve-backend';
import { createTraceFixtures, type TraceFixtures } from '../../trigger/trace-fixtures';
import { installTraceproof } from '../shared/install-traceproof';
import { createTraceSession } from '../../trigger/trace-session';
import { getConfig } from '../../config';
import { toMilliseconds } from '../../util/duration';
import { traceMatchers } from '../../../matchers/index';
import type { TraceMatchers, TraceAssertionResult } from '../../../matchers/trace-matchers';

expect.extend(traceMatchers);
const uninstall = installTraceproof();
afterAll(async () => {
  await closeBackends();
  await uninstall();
});

/** Room left between a trace assertion giving up and the runner's own test timeout. */
const TIMEOUT_MARGIN_MS = 250;

/**
 * Vitest's `test` with trace fixtures: `http`, `run`, `traceId`. Everything else (`.only`,
 * `.skip`, `.each`, `.concurrent`, timeouts, reporters, IDE explorers) is Vitest's own.
 * @example traceTest('checkout', async ({ http }) => { const res = await http.post(url); await expect(res.trace).toHaveSpan({ name: 'charge' }) })
 */
export const traceTest = test.extend<TraceFixtures & { traceproof: TraceFixtures }>({
  traceproof: async ({ signal, task }, use) => {
    const configured = toMilliseconds(getConfig().timeout, 'timeout');
    const testTimeout = task.timeout > 0 ? task.timeout - TIMEOUT_MARGIN_MS : Number.POSITIVE_INFINITY;
    await use(createTraceFixtures(createTraceSession({ timeout: Math.max(1, Math.min(configured, testTimeout)) }, signal)));
  },
  http: async ({ traceproof }, use) => use(traceproof.http),
  run: async ({ traceproof }, use) => use(traceproof.run),
  traceId: async ({ traceproof }, use) => use(traceproof.traceId),
  traces: async ({ traceproof }, use) => use(traceproof.traces),
});

export { traceMatchers };
export type { TraceFixtures };

declare module 'vitest' {
  interface Matchers<T = any> extends TraceMatchers<T> {}
}
export type { TraceAssertionResult };
