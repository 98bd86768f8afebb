import { describe, expect, it } from 'vitest';
import { Trace } from '../../src/trace/trace';
import { assessSettled } from '../../src/wait/assess-settled';
import { buildTrace } from '../helpers/build-trace';

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
    expect(later.notes[0]).toMatch(/outbound call gateway "GET" has no child span/);
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
});
