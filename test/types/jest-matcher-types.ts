// Compiled by `npm run typecheck`, never run: the Jest typings users get from 'traceproof/jest'.
import { expect } from '@jest/globals';
import { traceTest } from '../../src/runners/jest/setup';
import type { Trace } from '../../src/trace/trace';
import type { PendingTrace } from '../../src/wait/pending-trace';

declare const trace: Trace;
declare const pending: PendingTrace;

const awaited: Promise<void> = expect(pending).toHaveSpan({ name: 'charge' });
const negated: Promise<void> = expect(pending).not.toHaveErrors();
expect(trace).toHaveSpan('span[name="charge"]', { count: 1, maxDuration: '50ms' });
expect(trace).toHaveSpanCount(expect.any(Number));
expect(trace).toMatchTraceShape('gateway GET /');
void awaited;
void negated;

// @ts-expect-error a selector is a string or an object
expect(trace).toHaveSpan(42);

traceTest('fixtures are typed', async ({ http, run }) => {
  const res = await http.get('http://127.0.0.1:1/');
  const status: number = res.status;
  const t: Trace = await run(() => undefined);
  void status;
  void t;
});
