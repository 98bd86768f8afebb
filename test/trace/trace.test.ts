import { describe, expect, it } from 'vitest';
import { createSpan } from '../../src/trace/span';
import { Trace } from '../../src/trace/trace';
import { buildTrace, TRACE_ID } from '../helpers/build-trace';

const span = (spanId: string, parentSpanId: string | undefined, start: number) =>
  createSpan({
    traceId: TRACE_ID,
    spanId,
    parentSpanId,
    name: spanId,
    startTimeUnixNano: BigInt(start),
    endTimeUnixNano: BigInt(start + 10),
  });

describe('Trace', () => {
  it('orders spans by start time and builds the tree', () => {
    const trace = buildTrace(`
      gateway POST /orders
        orders POST /orders
          orders INSERT orders
        payments charge`);
    expect(trace.size).toBe(4);
    expect(trace.root?.name).toBe('POST /orders');
    expect(trace.childrenOf(trace.root!).map((s) => s.service)).toEqual(['orders', 'payments']);
    expect(trace.depthFirst().map((s) => s.name)).toEqual(['POST /orders', 'POST /orders', 'INSERT orders', 'charge']);
    const insert = trace.find({ name: 'INSERT orders' })!;
    expect(trace.ancestorsOf(insert).map((s) => s.service)).toEqual(['orders', 'gateway']);
    expect(trace.depthOf(insert)).toBe(2);
    expect(Object.isFrozen(trace)).toBe(true);
  });

  it('dedupes spans by id and lower-cases ids', () => {
    const trace = new Trace([span('00000000000000AA', undefined, 1), span('00000000000000aa', undefined, 2)]);
    expect(trace.size).toBe(1);
    expect(trace.getSpan('00000000000000AA')?.spanId).toBe('00000000000000aa');
  });

  it('reports missing parents and treats the trigger parent as no parent', () => {
    const orphan = new Trace([span('00000000000000b1', '00000000000000ff', 1), span('00000000000000b2', '00000000000000b1', 2)]);
    expect(orphan.missingParentIds()).toEqual(['00000000000000ff']);
    const triggered = new Trace(orphan.spans, { traceId: TRACE_ID, triggerSpanId: '00000000000000ff' });
    expect(triggered.missingParentIds()).toEqual([]);
    expect(triggered.isTopLevel(triggered.root!)).toBe(true);
  });

  it('keeps spans of a parent cycle visible as roots instead of losing them', () => {
    const trace = new Trace([span('00000000000000c1', '00000000000000c2', 1), span('00000000000000c2', '00000000000000c1', 2)]);
    expect(trace.depthFirst()).toHaveLength(2);
    expect(trace.select('span[]')).toHaveLength(2);
  });
});

describe('Trace.fromOtlpJson', () => {
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders' } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: '5b8efff798038103d269b633813fc60c',
                spanId: 'eee19b7ec3c1b174',
                name: 'POST /orders',
                kind: 2,
                startTimeUnixNano: '1544712660000000000',
                endTimeUnixNano: '1544712661000000000',
              },
              {
                traceId: '5b8efff798038103d269b633813fc60c',
                spanId: 'eee19b7ec3c1b175',
                parentSpanId: 'eee19b7ec3c1b174',
                name: 'INSERT orders',
                kind: 3,
                startTimeUnixNano: '1544712660100000000',
                endTimeUnixNano: '1544712660200000000',
                status: { code: 2, message: 'disk full' },
              },
              {
                traceId: '0af7651916cd43dd8448eb211c80319c',
                spanId: 'eee19b7ec3c1b176',
                name: 'other trace',
                startTimeUnixNano: '1',
                endTimeUnixNano: '2',
              },
            ],
          },
        ],
      },
    ],
  };

  it('loads a trace exported elsewhere, keeping only the spans of one trace', () => {
    const trace = Trace.fromOtlpJson(JSON.stringify(body));
    expect(trace.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(trace.size).toBe(2);
    expect(trace.root?.service).toBe('orders');
    expect(trace.find({ name: 'INSERT orders' })?.status).toEqual({ code: 'error', message: 'disk full' });
    expect(trace.find({ name: 'INSERT orders' })?.durationMs).toBe(100);
  });

  it('selects another trace of the same file by id', () => {
    expect(Trace.fromOtlpJson(body, '0AF7651916CD43DD8448EB211C80319C').spans.map((s) => s.name)).toEqual(['other trace']);
  });
});
