import { afterAll, expect, test } from '@jest/globals';
import { closeBackends } from '../../../adapters/resolve-backend';
import { traceMatchers } from '../../../matchers/index';
import type { TraceMatchers } from '../../../matchers/trace-matchers';
import { createTraceFixtures, type TraceFixtures } from '../../trigger/trace-fixtures';
import { createTraceSession } from '../shared/create-trace-session';
import { installTraceproof } from '../shared/install-traceproof';
import { traceTimeoutWithin } from '../shared/trace-timeout';
import { jestSandboxCauses } from './sandbox-trap';

expect.extend(traceMatchers as never);
const uninstall = installTraceproof();
afterAll(async () => {
  await closeBackends();
  await uninstall();
});

type TraceTestFn = (fixtures: TraceFixtures) => unknown;

function withFixtures(fn: TraceTestFn, timeout?: number): () => Promise<void> {
  return async () => {
    const controller = new AbortController();
    try {
      const session = createTraceSession({ timeout: traceTimeoutWithin(timeout) }, controller.signal, jestSandboxCauses());
      await fn(createTraceFixtures(session));
    } finally {
      controller.abort();
    }
  };
}

type Register = (name: string, fn: () => Promise<void>, timeout?: number) => void;
const wrap = (register: Register) => (name: string, fn: TraceTestFn, timeout?: number) =>
  register(name, withFixtures(fn, timeout), timeout);

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
    (name: string, fn: (row: Row, fixtures: TraceFixtures) => unknown, timeout?: number): void => {
      for (const [index, row] of rows.entries()) {
        const title = name.replace(/%#/g, String(index)).replace(/%s/g, () => String(row));
        test(
          title,
          withFixtures((fixtures) => fn(row, fixtures), timeout),
          timeout,
        );
      }
    },
});

export { traceMatchers };
export type { TraceFixtures };

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends TraceMatchers<T, R> {}
}
