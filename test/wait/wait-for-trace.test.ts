import { afterEach, describe, expect, it } from 'vitest';
import { memoryBackend } from '../../adapters/memory';
import type { TraceBackend } from '../../src/backend/trace-backend';
import { combineBackends } from '../../src/backend/combine-backends';
import { BackendError } from '../../src/errors';
import { publishSpan } from '../../src/in-process/span-channel';
import { waitForTrace } from '../../src/wait/wait-for-trace';
import { buildTrace, TRACE_ID } from '../helpers/build-trace';

const trace = buildTrace('gateway GET /\n  orders GET /orders\n    orders SELECT');
const opened: TraceBackend[] = [];
const memory = (): TraceBackend => {
  const backend = memoryBackend();
  opened.push(backend);
  return backend;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((b) => b.close?.()));
});

/** The same store, without push: waiting must fall back to polling with backoff. */
const polledOnly = (backend: TraceBackend): TraceBackend & { fetches: number } => {
  const wrapper = {
    name: 'polled',
    fetches: 0,
    fetchTrace: (id: string, signal: AbortSignal) => {
      wrapper.fetches += 1;
      return backend.fetchTrace(id, signal);
    },
  };
  return wrapper;
};

describe('waitForTrace', () => {
  it('is woken by a pushed span instead of polling', async () => {
    const backend = memory();
    setTimeout(() => trace.spans.forEach(publishSpan), 30);
    const outcome = await waitForTrace(backend, TRACE_ID, (t) => t.size === 3, { deadline: Date.now() + 5000, quietWindowMs: 5000 });
    expect(outcome.trace.size).toBe(3);
    expect(outcome.timedOut).toBe(false);
  });

  it('polls a backend that cannot push, and still sees spans that arrive late', async () => {
    const backend = polledOnly(memory());
    setTimeout(() => trace.spans.slice(0, 2).forEach(publishSpan), 20);
    setTimeout(() => trace.spans.slice(2).forEach(publishSpan), 120);
    const outcome = await waitForTrace(backend, TRACE_ID, () => false, { deadline: Date.now() + 5000, quietWindowMs: 100 });
    expect(outcome.trace.size).toBe(3);
    expect(outcome.settled.settled).toBe(true);
    expect(backend.fetches).toBeGreaterThan(2);
  });

  it('stops at the deadline with what arrived, saying why it is not settled', async () => {
    const backend = memory();
    publishSpan(trace.spans[1]!);
    const outcome = await waitForTrace(backend, TRACE_ID, () => false, { deadline: Date.now() + 200, quietWindowMs: 50 });
    expect(outcome.timedOut).toBe(true);
    expect(outcome.trace.size).toBe(1);
    expect(outcome.settled.reasons.join('\n')).toMatch(/root span has not arrived/);
  });

  it('stops when the test is aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const outcome = await waitForTrace(memory(), TRACE_ID, () => false, {
      deadline: Date.now() + 60_000,
      quietWindowMs: 50,
      signal: controller.signal,
    });
    expect(outcome.timedOut).toBe(true);
  });

  it('keeps the last snapshot when the deadline cuts a fetch short: running out of time is not a backend failure', async () => {
    const hanging: TraceBackend = {
      name: 'slowpoke',
      fetchTrace: (_id, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    };
    const outcome = await waitForTrace(hanging, TRACE_ID, () => true, { deadline: Date.now() + 100, quietWindowMs: 50 });
    expect(outcome.timedOut).toBe(true);
    expect(outcome.trace.size).toBe(0);
    expect(outcome.unansweredMs).toBeGreaterThanOrEqual(100);
  });

  it('makes a last fetch at the deadline, so spans that arrived during the last wait count', async () => {
    let fetches = 0;
    const late: TraceBackend = {
      name: 'late',
      fetchTrace: async () => (++fetches > 1 ? trace.spans : []),
    };
    const outcome = await waitForTrace(late, TRACE_ID, () => false, { deadline: Date.now() + 30, quietWindowMs: 10_000 });
    expect(outcome.trace.size).toBe(3);
    expect(outcome.timedOut).toBe(true);
  });

  it("still throws the backend's own failure while time remains", async () => {
    const refusing: TraceBackend = {
      name: 'refusing',
      fetchTrace: async () => {
        throw new BackendError('refusing', 'connection refused');
      },
    };
    const error = await waitForTrace(refusing, TRACE_ID, () => false, { deadline: Date.now() + 5000, quietWindowMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendError);
  });

  it('ends with the last snapshot, not an error, when the test is aborted', async () => {
    const hanging: TraceBackend = {
      name: 'slowpoke',
      fetchTrace: (_id, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    };
    const test = new AbortController();
    setTimeout(() => test.abort(new Error('test ended')), 20);
    const outcome = await waitForTrace(hanging, TRACE_ID, () => false, {
      deadline: Date.now() + 60_000,
      quietWindowMs: 50,
      signal: test.signal,
    });
    expect(outcome.timedOut).toBe(true);
  });

  it("settles a trace started elsewhere whose only missing parent is the caller's own span (traceId())", async () => {
    const below = trace.spans.map((s) => (s.parentSpanId === undefined ? { ...s, parentSpanId: '00000000000000ca' } : s));
    const backend: TraceBackend = { name: 'fixed', fetchTrace: async () => below };
    const outcome = await waitForTrace(backend, TRACE_ID, () => false, {
      deadline: Date.now() + 60_000,
      quietWindowMs: 20,
      callerSpanUnknown: true,
    });
    expect(outcome.settled.settled).toBe(true);
    expect(outcome.trace.triggerSpanId).toBe('00000000000000ca');
    expect(outcome.settled.notes.join('\n')).toMatch(/taken as the caller's own span/);
  });

  it('merges spans from several backends and wakes on either', async () => {
    const a = memory();
    const b = memory();
    const combined = combineBackends([a, b]);
    expect(combined.name).toBe('memory+memory');
    setTimeout(() => trace.spans.forEach(publishSpan), 20);
    const outcome = await waitForTrace(combined, TRACE_ID, (t) => t.size === 3, { deadline: Date.now() + 5000, quietWindowMs: 5000 });
    expect(outcome.trace.size).toBe(3);
  });
});

describe('waitForTrace under load', () => {
  it('stretches the quiet window to twice the longest gap between arrivals, so a slow last export still counts', async () => {
    const backend = memory();
    const spans = buildTrace('gateway GET /\n  orders GET /orders\n    orders SELECT\n  payments charge').spans;
    // Gaps of 100, 150 and 220 ms against a 120 ms quiet window: fixed, it would settle before
    // the third span; stretched to twice the longest gap (200, then 300 ms), it waits for all.
    setTimeout(() => publishSpan(spans[0]!), 10);
    setTimeout(() => publishSpan(spans[1]!), 110);
    setTimeout(() => publishSpan(spans[2]!), 260);
    setTimeout(() => publishSpan(spans[3]!), 480);
    const outcome = await waitForTrace(backend, TRACE_ID, () => false, { deadline: Date.now() + 5000, quietWindowMs: 120 });
    expect(outcome.settled.settled).toBe(true);
    expect(outcome.trace.size).toBe(4);
  });
});
