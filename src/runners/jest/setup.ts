import { afterAll, expect, test } from '@jest/globals';
import { closeBackends } from '../../../adapters/resolve-backend';
import { createTraceFixtures, type TraceFixtures } from '../../trigger/trace-fixtures';
import { installTraceproof } from '../shared/install-traceproof';
import { createTraceSession } from '../../trigger/trace-session';
import { getConfig } from '../../config';
import { toMilliseconds } from '../../util/duration';
import { traceMatchers } from '../../../matchers/index';
import type { TraceMatchers } from '../../../matchers/trace-matchers';

expect.extend(traceMatchers as never);
const uninstall = installTraceproof();
afterAll(async () => {
  await closeBackends();
  await uninstall();
});

type TraceTestFn = (fixtures: TraceFixtures) => unknown;
const TIMEOUT_MARGIN_MS = 250;

function withFixtures(fn: TraceTestFn, timeout?: number): () => Promise<void> {
  return async () => {
    const configured = toMilliseconds(getConfig().timeout, 'timeout');
    const limit = timeout !== undefined && timeout > 0 ? Math.min(configured, timeout - TIMEOUT_MARGIN_MS) : configured;
    const controller = new AbortController();
    try {
      await fn(createTraceFixtures(createTraceSession({ timeout: Math.max(1, limit) }, controller.signal)));
    } finally {
      controller.abort();
    }
  };
}

type Register = (name: string, fn: () => Promise<void>, timeout?: number) => void;
const wrap = (register: Register) => (name: string, fn: TraceTestFn, timeout?: number) => register(name, withFixtures(fn, timeout), timeout);

/**
 * Jest's `test` with trace fixtures: `http`, `run`, `traceId`. `.only`, `.skip`, `.concurrent`,
 * `.failing` and `.todo` are Jest's own.
 * @example traceTest('checkout', async ({ http }) => { const res = await http.post(url); await expect(res.trace).toHaveSpan({ name: 'charge' }) })
 */
export const traceTest = Object.assign(wrap(test as Register), {
  only: wrap(test.only as Register),
  skip: wrap(test.skip as Register),
  concurrent: wrap(test.concurrent as unknown as Register),
  failing: wrap(test.failing as Register),
  todo: test.todo,
  each:
    <Row>(rows: readonly Row[]) =>
    (name: string, fn: (row: Row, fixtures: TraceFixtures) => unknown, timeout?: number) =>
      rows.forEach((row, index) =>
        test(
          name.replace(/%#/g, String(index)).replace(/%s/g, () => String(row)),
          withFixtures((fixtures) => fn(row, fixtures), timeout),
          timeout,
        ),
      ),
});

export { traceMatchers };
export type { TraceFixtures };

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends TraceMatchers<T, R> {}
}
