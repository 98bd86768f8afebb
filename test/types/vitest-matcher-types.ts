// Compiled by `npm run typecheck`, never run: the Vitest typings users get from 'traceproof/vitest'.
import { expect, expectTypeOf } from 'vitest';
import { traceTest } from '../../src/runners/vitest/setup';
import type { Trace } from '../../src/trace/trace';
import type { PendingTrace } from '../../src/wait/pending-trace';

declare const trace: Trace;
declare const pending: PendingTrace;

expectTypeOf(expect(pending).toHaveSpan({ name: 'charge' })).toEqualTypeOf<Promise<void>>();
expectTypeOf(expect(trace).toHaveSpan('span[name="charge"]', { count: 1, maxDuration: '50ms' })).toEqualTypeOf<void>();
expectTypeOf(expect(pending).not.toHaveErrors()).toEqualTypeOf<Promise<void>>();
expectTypeOf(expect(trace).toHaveSpanCount(expect.any(Number))).toEqualTypeOf<void>();
expectTypeOf(expect(pending).toMatchTraceShape('gateway GET /')).toEqualTypeOf<Promise<void>>();
expect(trace).toHaveChildSpan({ service: 'orders' }, 'span[name="INSERT orders"]');
expect(trace).toHaveSpanBefore({ name: /reserve/ }, { name: 'charge', attributes: { amount: expect.any(Number) } });

// @ts-expect-error a selector is a string or an object
expect(trace).toHaveSpan(42);
// @ts-expect-error unknown option
expect(trace).toHaveSpan('span[]', { cuont: 1 });
// @ts-expect-error a shape is a string
expect(trace).toMatchTraceShape({ service: 'x' });

traceTest('fixtures are typed', async ({ http, run, traceId }) => {
  const res = await http.post('http://127.0.0.1:1/orders', { json: { sku: 'A1' } });
  expectTypeOf(res.status).toEqualTypeOf<number>();
  expectTypeOf(res.trace).toEqualTypeOf<PendingTrace>();
  expectTypeOf(await run(() => undefined)).toEqualTypeOf<Trace>();
  expectTypeOf(traceId('5b8efff798038103d269b633813fc60c')).toEqualTypeOf<PendingTrace>();
});
