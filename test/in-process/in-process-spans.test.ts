import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryBackend } from '../../adapters/memory';
import { installTracerProvider, type InstalledTracerProvider } from '../../src/in-process/install-tracer-provider';
import { Trace } from '../../src/trace/trace';

let provider: InstalledTracerProvider;
const backend = memoryBackend();
beforeAll(() => {
  provider = installTracerProvider('in-process-test');
});
afterAll(async () => {
  await backend.close();
  await provider.shutdown();
});

const tracer = () => trace.getTracer('test');

describe('in-process spans', () => {
  it('installs a provider when none is registered, and leaves a second install alone', () => {
    expect(provider.installed).toBe(true);
    expect(installTracerProvider().installed).toBe(false);
  });

  it('hands every ended span to the store at once, converted, with parent links and context propagation', async () => {
    const traceId = await tracer().startActiveSpan('checkout', async (root) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await context.with(context.active(), async () => {
        const child = tracer().startSpan('charge', { attributes: { 'payment.amount': 40, tags: ['a', 'b'] } });
        child.addEvent('authorised', { code: 7 });
        child.setStatus({ code: SpanStatusCode.ERROR, message: 'declined' });
        child.end();
      });
      root.end();
      return root.spanContext().traceId;
    });
    const spans = await backend.fetchTrace(traceId, AbortSignal.timeout(1000));
    const snapshot = new Trace(spans);
    expect(snapshot.size).toBe(2);
    const charge = snapshot.find({ name: 'charge' })!;
    expect(snapshot.parentOf(charge)?.name).toBe('checkout');
    expect(charge).toMatchObject({
      service: 'in-process-test',
      kind: 'internal',
      status: { code: 'error', message: 'declined' },
      attributes: { 'payment.amount': 40, tags: ['a', 'b'] },
      events: [{ name: 'authorised', attributes: { code: 7 } }],
      scope: { name: 'test' },
    });
    expect(charge.durationMs).toBeGreaterThanOrEqual(0);
    expect(snapshot.root!.durationMs).toBeGreaterThanOrEqual(4);
  });

  it('wakes a waiter the moment a span of its trace ends', async () => {
    const span = tracer().startSpan('late');
    const id = span.spanContext().traceId;
    const woken = backend.waitForChange!(id, 0, AbortSignal.timeout(5000));
    span.end();
    expect(await woken).toBeGreaterThan(0);
  });
});
