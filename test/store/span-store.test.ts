import { getEventListeners, setMaxListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { memoryBackend } from '../../src/in-process/memory-backend';
import { SpanStore } from '../../src/store/span-store';
import { makeSpan, traceIdOf } from '../receiver/support/make-span';

const A = traceIdOf('a');
const B = traceIdOf('b');
const C = traceIdOf('c');
const D = traceIdOf('d');

describe('SpanStore', () => {
  it('keeps spans by trace and span id, a duplicate once and without a change', () => {
    const store = new SpanStore();
    expect(store.add([makeSpan('a', 1), makeSpan('a', 2), makeSpan('b', 1)])).toMatchObject({ added: 3, duplicates: 0 });
    const version = store.version(A);
    expect(store.add([makeSpan('a', 1, 'again')])).toMatchObject({ added: 0, duplicates: 1 });
    expect(store.version(A)).toBe(version);
    expect(store.get(A).spans.map((s) => s.name)).toEqual(['span 1', 'span 2']);
    expect(store.get(B).spans).toHaveLength(1);
    expect(store.spanCount).toBe(3);
    expect(store.traceCount).toBe(2);
  });

  it('answers an unknown trace with version 0 and no spans', () => {
    expect(new SpanStore().get(A)).toEqual({ traceId: A, version: 0, updatedAt: undefined, spans: [] });
  });

  it('gives each change a higher version, and records when the trace was updated', () => {
    let now = 1000;
    const store = new SpanStore({ now: () => now });
    store.add([makeSpan('a', 1)]);
    const first = store.get(A);
    now = 2000;
    store.add([makeSpan('b', 1)]);
    store.add([makeSpan('a', 2)]);
    const second = store.get(A);
    expect(first.version).toBeGreaterThan(0);
    expect(second.version).toBeGreaterThan(first.version);
    expect([first.updatedAt, second.updatedAt]).toEqual([1000, 2000]);
  });

  it('rejects spans over the per-trace cap and names the trace', () => {
    const store = new SpanStore({ maxSpansPerTrace: 2 });
    const result = store.add([1, 2, 3, 4].map((i) => makeSpan('a', i)).concat(makeSpan('b', 1)));
    expect(result).toEqual({ added: 3, duplicates: 0, overTraceCap: 2, cappedTraceIds: [A] });
    expect(store.get(A).spans).toHaveLength(2);
    expect(store.add([makeSpan('a', 1)])).toMatchObject({ duplicates: 1, overTraceCap: 0 });
  });

  it('drops the traces updated longest ago, whole, to stay under the total cap', () => {
    const evicted: [string, number][] = [];
    const store = new SpanStore({ maxSpans: 5, maxSpansPerTrace: 3, onEvict: (id, n) => evicted.push([id, n]) });
    store.add([makeSpan('a', 1), makeSpan('a', 2)]);
    store.add([makeSpan('b', 1), makeSpan('b', 2)]);
    store.add([makeSpan('a', 3)]); // a is now the most recently updated
    store.add([makeSpan('c', 1)]);
    expect(evicted).toEqual([[B, 2]]);
    expect(store.spanCount).toBe(4);
    store.add([makeSpan('d', 1), makeSpan('d', 2)]);
    expect(evicted).toEqual([
      [B, 2],
      [A, 3],
    ]);
    expect(store.get(A).spans).toEqual([]);
    expect(store.get(C).spans).toHaveLength(1);
    expect(store.get(D).spans).toHaveLength(2);
    expect(store.spanCount).toBe(3);
  });

  it('never lowers the version of a trace that was evicted and comes back', () => {
    const store = new SpanStore({ maxSpans: 1 });
    store.add([makeSpan('a', 1)]);
    const before = store.version(A);
    store.add([makeSpan('b', 1)]);
    expect(store.version(A)).toBe(0);
    store.add([makeSpan('a', 2)]);
    expect(store.version(A)).toBeGreaterThan(before);
  });

  it('refuses caps that make no sense', () => {
    expect(() => new SpanStore({ maxSpans: 0 })).toThrow('maxSpans must be a positive integer');
    expect(() => new SpanStore({ maxSpans: 10, maxSpansPerTrace: 11 })).toThrow('must not exceed maxSpans');
  });

  it('speaks for whoever owns it', () => {
    expect(() => new SpanStore({ maxSpans: 0, owner: 'memory' })).toThrow(
      '[traceproof] [memory] maxSpans must be a positive integer, got 0.',
    );
    expect(() => memoryBackend({ maxSpans: 0 })).toThrow('[traceproof] [memory] maxSpans');
    expect(() => new SpanStore({ maxSpans: 0 })).toThrow('[traceproof] [store] maxSpans');
  });
});

describe('SpanStore.waitForChange', () => {
  it('resolves at once when the version is already past, and for -1', async () => {
    const store = new SpanStore();
    await expect(store.waitForChange(A, -1)).resolves.toBe(0);
    store.add([makeSpan('a', 1)]);
    await expect(store.waitForChange(A, 0)).resolves.toBe(store.version(A));
    expect(store.waiterCount).toBe(0);
  });

  it('is woken by a change of its own trace only', async () => {
    const store = new SpanStore();
    let woken = false;
    const waiting = store.waitForChange(A, 0).then((v) => {
      woken = true;
      return v;
    });
    store.add([makeSpan('b', 1)]);
    await Promise.resolve();
    expect(woken).toBe(false);
    store.add([makeSpan('a', 1)]);
    await expect(waiting).resolves.toBe(store.version(A));
    expect(store.waiterCount).toBe(0);
  });

  it('wakes every waiter of a trace with the new version', async () => {
    const store = new SpanStore();
    const waiting = Array.from({ length: 50 }, () => store.waitForChange(A, 0));
    expect(store.waiterCount).toBe(50);
    store.add([makeSpan('a', 1)]);
    expect(new Set(await Promise.all(waiting))).toEqual(new Set([store.version(A)]));
    expect(store.waiterCount).toBe(0);
  });

  it('resolves with the version as it is when the time is up', async () => {
    vi.useFakeTimers();
    try {
      const store = new SpanStore();
      const waiting = store.waitForChange(A, 0, undefined, 30_000);
      vi.advanceTimersByTime(30_000);
      await expect(waiting).resolves.toBe(0);
      expect(store.waiterCount).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with the reason on abort, before or while waiting', async () => {
    const store = new SpanStore();
    const reason = new Error('test ended');
    await expect(store.waitForChange(A, 0, AbortSignal.abort(reason))).rejects.toBe(reason);
    const controller = new AbortController();
    const waiting = store.waitForChange(A, 0, controller.signal, 60_000);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(store.waiterCount).toBe(0);
  });

  it('leaves no listener, timer or waiter behind, with many waiters', async () => {
    vi.useFakeTimers();
    try {
      const store = new SpanStore();
      const shared = new AbortController();
      const aborted = new AbortController();
      setMaxListeners(0, shared.signal, aborted.signal);
      const woken = Array.from({ length: 5000 }, (_, i) => store.waitForChange(traceIdOf(String(i % 10)), 0, shared.signal, 60_000));
      const cancelled = Array.from({ length: 5000 }, () => store.waitForChange(A, 0, aborted.signal, 60_000).catch(() => 'aborted'));
      expect(store.waiterCount).toBe(10_000);
      expect(getEventListeners(shared.signal, 'abort')).toHaveLength(5000);

      store.add(Array.from({ length: 10 }, (_, i) => makeSpan(String(i), 1)));
      await Promise.all(woken);
      aborted.abort();
      expect(new Set(await Promise.all(cancelled))).toEqual(new Set(['aborted']));

      expect(store.waiterCount).toBe(0);
      expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
      expect(getEventListeners(aborted.signal, 'abort')).toHaveLength(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
