import { describe, expect, it } from 'vitest';
import { Trace } from '../../src/trace/trace';
import { assessSettled } from '../../src/wait/assess-settled';
import { buildTrace } from '../helpers/build-trace';
import type { Attributes } from '../../src/trace/span';

const rules = { quietForMs: 1000, quietWindowMs: 100 };

describe('assessSettled', () => {
  it('settles a complete trace after the quiet window', () => {
    const trace = buildTrace('gateway GET /\n  orders GET /orders');
    expect(assessSettled(trace, rules)).toEqual({ settled: true, reasons: [], notes: [] });
    const early = assessSettled(trace, { ...rules, quietForMs: 30 });
    expect(early.settled).toBe(false);
    expect(early.recheckInMs).toBe(70);
    expect(early.reasons[0]).toMatch(/last new span arrived 30ms ago \(quiet window 100ms\)/);
  });

  it('does not settle an empty trace or one without its root', () => {
    expect(assessSettled(new Trace([]), rules).reasons).toEqual(['no span of this trace has arrived yet']);
    const trace = buildTrace('gateway GET /\n  orders GET /orders');
    const withoutRoot = new Trace(trace.spans.slice(1));
    const state = assessSettled(withoutRoot, rules);
    expect(state.settled).toBe(false);
    expect(state.reasons.join('\n')).toMatch(/root span has not arrived/);
    expect(state.reasons.join('\n')).toMatch(/orders "GET \/orders" → parent 0000000000000001/);
  });

  it('accepts the spans below the trigger as roots', () => {
    const trace = buildTrace('gateway GET /');
    const below = new Trace(
      trace.spans.map((s) => ({ ...s, parentSpanId: '00000000000000ff' })),
      { triggerSpanId: '00000000000000ff' },
    );
    expect(assessSettled(below, rules).settled).toBe(true);
  });

  it('waits longer while an outbound HTTP call has no callee span, then notes it', () => {
    const trace = buildTrace([
      {
        service: 'gateway',
        name: 'GET /',
        kind: 'server',
        children: [{ service: 'gateway', name: 'GET', kind: 'client', attributes: { 'http.request.method': 'GET' } }],
      },
    ]);
    const soon = assessSettled(trace, { quietForMs: 150, quietWindowMs: 100 });
    expect(soon.settled).toBe(false);
    expect(soon.reasons[0]).toMatch(/quiet window 400ms/);
    const later = assessSettled(trace, { quietForMs: 500, quietWindowMs: 100 });
    expect(later.settled).toBe(true);
    expect(later.notes[0]).toMatch(
      /the call from gateway "GET" has no span from its callee, which reported none in this run: counted as outside the system/,
    );
  });

  it('does not wait for callees of database client spans', () => {
    const trace = buildTrace([
      {
        service: 'orders',
        name: 'POST',
        children: [{ service: 'orders', name: 'INSERT orders', kind: 'client', attributes: { 'db.system': 'sqlite' } }],
      },
    ]);
    expect(assessSettled(trace, { quietForMs: 150, quietWindowMs: 100 }).settled).toBe(true);
  });

  describe('with evidence from the run', () => {
    const call = (attributes: Attributes) =>
      buildTrace([
        {
          service: 'front',
          name: 'GET /',
          kind: 'server',
          children: [{ service: 'front', name: 'GET', kind: 'client', attributes: { 'http.request.method': 'GET', ...attributes } }],
        },
      ]);
    const toBack = call({ 'server.address': 'localhost', 'server.port': 4001 });
    const quiet = { quietForMs: 60_000, quietWindowMs: 100 };

    it('keeps a call to a service seen earlier in the run unsettled however quiet, naming it as incomplete', () => {
      const state = assessSettled(toBack, { ...quiet, callee: () => ({ kind: 'known', address: '127.0.0.1:4001', service: 'back' }) });
      expect(state.settled).toBe(false);
      expect(state.reasons).toEqual([
        'incomplete: the call to 127.0.0.1:4001 from front never reported a span (back answered at that address earlier in this run; front "GET")',
      ]);
    });

    it('waits for a callee on this machine that has not reported yet, naming how to mark it external', () => {
      const state = assessSettled(toBack, { ...quiet, callee: () => ({ kind: 'local', address: '127.0.0.1:4001' }) });
      expect(state.settled).toBe(false);
      expect(state.reasons[0]).toBe(
        `the call to 127.0.0.1:4001 from front "GET" has no span from its callee yet: a service on this machine, so it is waited for; if it is outside the system, say so with configure({ external: ['127.0.0.1:4001'] })`,
      );
    });

    it('settles at once past the quiet window for an external callee, and names it', () => {
      const state = assessSettled(toBack, {
        quietForMs: 100,
        quietWindowMs: 100,
        callee: () => ({ kind: 'external', address: '127.0.0.1:4001' }),
      });
      expect(state.settled).toBe(true);
      expect(state.notes).toEqual(['the call to 127.0.0.1:4001 from front "GET" is outside the system (configured as external)']);
    });

    it('proves completeness from export delays before the quiet window', () => {
      const trace = buildTrace('gateway GET /\n  orders GET /orders');
      const lastEndMs = Number(trace.spans.reduce((a, s) => (s.endTimeUnixNano > a ? s.endTimeUnixNano : a), 0n) / 1_000_000n);
      const rules = { quietForMs: 5, quietWindowMs: 150, exportDelayMs: () => 4 };
      expect(assessSettled(trace, { ...rules, now: lastEndMs + 11 })).toMatchObject({ settled: false, recheckInMs: 9 });
      expect(assessSettled(trace, { ...rules, now: lastEndMs + 20 })).toEqual({ settled: true, reasons: [], notes: [], proven: true });
    });

    it('falls back to the quiet window while a service has no export delay on record', () => {
      const trace = buildTrace('gateway GET /\n  orders GET /orders');
      const rules = {
        quietForMs: 5,
        quietWindowMs: 150,
        now: Date.now() * 2,
        exportDelayMs: (s: string) => (s === 'gateway' ? 1 : undefined),
      };
      expect(assessSettled(trace, rules).settled).toBe(false);
    });

    it('does not prove completeness when the export delay is as long as the quiet window', () => {
      const trace = buildTrace('gateway GET /');
      expect(assessSettled(trace, { quietForMs: 5, quietWindowMs: 150, now: Date.now() * 2, exportDelayMs: () => 60 }).settled).toBe(false);
    });
  });
});
