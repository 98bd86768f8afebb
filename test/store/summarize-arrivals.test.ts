import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../src/in-process/memory-backend';
import { publishSpan } from '../../src/in-process/span-channel';
import { SpanStore } from '../../src/store/span-store';
import { createSpan, type Span } from '../../src/trace/span';
import { traceIdOf } from '../receiver/support/make-span';

const ms = (n: number): bigint => BigInt(n) * 1_000_000n;

function span(trace: string, id: number, options: { parent?: number; service?: string; endMs?: number } = {}): Span {
  const end = options.endMs ?? 0;
  return createSpan({
    traceId: traceIdOf(trace),
    spanId: String(id).padStart(16, '0'),
    ...(options.parent !== undefined ? { parentSpanId: String(options.parent).padStart(16, '0') } : {}),
    name: `span ${id}`,
    service: options.service ?? 'api',
    kind: 'server',
    startTimeUnixNano: ms(Math.max(0, end - 5)),
    endTimeUnixNano: ms(end),
  });
}

function clockedStore(options: { maxSpans?: number } = {}): { store: SpanStore; at: (t: number) => void } {
  let now = 0;
  const store = new SpanStore({ ...options, now: () => now });
  return { store, at: (t) => void (now = t) };
}

describe('SpanStore.arrivedBetween', () => {
  it('answers the traces that got spans in the window, with top spans, counts and services', () => {
    const { store, at } = clockedStore();
    at(1000);
    store.add([span('a', 1), span('b', 1)]);
    at(2000);
    store.add([span('a', 2, { parent: 1, service: 'db' }), span('c', 1), span('c', 3, { parent: 2, service: 'worker' })]);
    const found = store.arrivedBetween({ from: 1500, to: 2500 });
    expect(found.spansInWindow).toBe(3);
    expect(found.truncated).toBe(false);
    expect(found.traces.map((t) => t.traceId).sort()).toEqual([traceIdOf('a'), traceIdOf('c')]);
    const a = found.traces.find((t) => t.traceId === traceIdOf('a'))!;
    expect(a.spanCount).toBe(2);
    expect(a.services).toEqual(['api', 'db']);
    expect(a.topSpans.map((s) => s.spanId)).toEqual(['0000000000000001']);
    const c = found.traces.find((t) => t.traceId === traceIdOf('c'))!;
    expect(c.topSpans.map((s) => s.spanId).sort()).toEqual(['0000000000000001', '0000000000000003']);
  });

  it('counts only the spans that arrived in the window, and the window is inclusive', () => {
    const { store, at } = clockedStore();
    at(1000);
    store.add([span('a', 1), span('a', 2, { parent: 1 })]);
    at(3000);
    store.add([span('a', 3, { parent: 1 })]);
    at(4000);
    store.add([span('a', 4, { parent: 1 })]);
    expect(store.arrivedBetween({ from: 3000, to: 3000 }).spansInWindow).toBe(1);
    expect(store.arrivedBetween({ from: 1000, to: 3000 }).spansInWindow).toBe(3);
    expect(store.arrivedBetween({ from: 1001, to: 2999 })).toMatchObject({ spansInWindow: 0, traces: [] });
    expect(store.arrivedBetween({ from: 3500, to: 5000 }).traces[0]?.spanCount).toBe(4);
  });

  it('gives each service the median and the maximum of arrival minus end time, slowest first', () => {
    const { store, at } = clockedStore();
    at(10_000);
    store.add([
      span('a', 1, { service: 'fast', endMs: 9990 }),
      span('a', 2, { service: 'slow', endMs: 8000 }),
      span('a', 3, { service: 'slow', endMs: 7000 }),
      span('a', 4, { service: 'slow', endMs: 8500 }),
      span('b', 1, { service: 'ahead', endMs: 10_050 }),
    ]);
    expect(store.arrivedBetween({ from: 0, to: 20_000 }).exportDelays).toEqual([
      { service: 'slow', spans: 3, medianMs: 2000, maxMs: 3000 },
      { service: 'fast', spans: 1, medianMs: 10, maxMs: 10 },
      { service: 'ahead', spans: 1, medianMs: 0, maxMs: 0 },
    ]);
  });

  it('lists the earliest arrival first, at most `limit` traces, and says when it left some out', () => {
    const { store, at } = clockedStore();
    for (const [i, trace] of ['d', 'b', 'c', 'a'].entries()) {
      at(1000 + i);
      store.add([span(trace, 1)]);
    }
    at(2000);
    store.add([span('d', 2, { parent: 1 })]);
    const found = store.arrivedBetween({ from: 0, to: 5000, limit: 2 });
    expect(found.traces.map((t) => t.traceId)).toEqual([traceIdOf('d'), traceIdOf('b')]);
    expect(found.truncated).toBe(true);
    expect(found.spansInWindow).toBe(5);
  });

  it('forgets the arrivals of evicted traces and of a cleared store', () => {
    const { store, at } = clockedStore({ maxSpans: 2 });
    at(1000);
    store.add([span('a', 1), span('a', 2, { parent: 1 })]);
    at(2000);
    store.add([span('b', 1)]);
    const found = store.arrivedBetween({ from: 0, to: 5000 });
    expect(found.traces.map((t) => t.traceId)).toEqual([traceIdOf('b')]);
    expect(found.spansInWindow).toBe(1);
    store.clear();
    expect(store.arrivedBetween({ from: 0, to: 5000 })).toMatchObject({ traces: [], spansInWindow: 0, exportDelays: [] });
  });

  it('records no arrival for duplicates or spans over the trace cap', () => {
    let now = 1000;
    const store = new SpanStore({ maxSpans: 10, maxSpansPerTrace: 1, now: () => now });
    store.add([span('a', 1)]);
    now = 2000;
    store.add([span('a', 1), span('a', 2, { parent: 1 })]);
    expect(store.arrivedBetween({ from: 1500, to: 2500 })).toMatchObject({ traces: [], spansInWindow: 0 });
  });
});

describe('memoryBackend().findTraces', () => {
  it('finds the spans this process ended in the window, arrival being their end', async () => {
    const backend = memoryBackend();
    try {
      const before = Date.now();
      publishSpan(span('e', 1, { endMs: Date.now() }));
      const answer = await backend.findTraces!({ from: before, to: Date.now() }, AbortSignal.timeout(1000));
      expect(answer.scope).toMatch(/^spans that ended in this process from \d\d:\d\d:\d\d\.\d{3} to \d\d:\d\d:\d\d\.\d{3}$/);
      expect(answer.traces.map((t) => t.traceId)).toEqual([traceIdOf('e')]);
      expect(answer.spansInWindow).toBe(1);
      expect(answer.exportDelays?.[0]?.service).toBe('api');
    } finally {
      await backend.close();
    }
  });
});
