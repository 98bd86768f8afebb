import { afterAll, expect, test } from '@jest/globals';
import { closeBackends } from '../../../adapters/resolve-backend';
import { traceMatchers } from '../../../matchers/index';
import type { TraceMatchers } from '../../../matchers/trace-matchers';
import { createTraceFixtures, type TraceFixtures } from '../../trigger/trace-fixtures';
import { unawaitedAssertionsError } from '../../wait/assertion-ledger';
import { createTestSession } from '../shared/create-trace-session';
import { installTraceproof } from '../shared/install-traceproof';
import { fittedTestTimeout } from '../shared/test-timing';
import { jestTestTimeout } from './jest-test-timeout';
import { jestSandboxCauses } from './sandbox-trap';

expect.extend(traceMatchers as never);
const uninstall = installTraceproof();
afterAll(async () => {
  await closeBackends();
  await uninstall();
});

type TraceTestFn = (fixtures: TraceFixtures) => unknown;

function withFixtures(fn: TraceTestFn, timeout: number | undefined): () => Promise<void> {
  return async () => {
    const controller = new AbortController();
    const session = createTestSession('jest', timeout ?? jestTestTimeout(), controller.signal, jestSandboxCauses());
    try {
      await fn(createTraceFixtures(session));
      const unawaited = session.ledger.abandonWaiting();
      if (unawaited.length > 0) throw unawaitedAssertionsError(unawaited);
    } finally {
      session.ledger.abandonWaiting();
      controller.abort();
    }
  };
}

/** The test's own timeout, else one that fits the configured trace timeout, else Jest's. */
const timeoutFor = (timeout: number | undefined): number | undefined => timeout ?? fittedTestTimeout(jestTestTimeout());

type Register = (name: string, fn: () => Promise<void>, timeout?: number) => void;
const wrap = (register: Register) => (name: string, fn: TraceTestFn, timeout?: number) => {
  const effective = timeoutFor(timeout);
  register(name, withFixtures(fn, effective), effective);
};

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
        const effective = timeoutFor(timeout);
        test(
          title,
          withFixtures((fixtures) => fn(row, fixtures), effective),
          effective,
        );
      }
    },
});

export { traceMatchers };
export type { TraceFixtures };

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends TraceMatchers<T, R> {}
}
