import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { spanFromReadableSpan } from '../../src/formats/from-readable-span';

const base = {
  name: 'GET /orders',
  kind: 1,
  spanContext: () => ({ traceId: '5B8EFFF798038103D269B633813FC60C', spanId: 'EEE19B7EC3C1B174', traceFlags: 1 }),
  startTime: [1_700_000_000, 500_000_000] as [number, number],
  endTime: [1_700_000_001, 0] as [number, number],
  status: { code: 2, message: 'boom' },
  attributes: { 'http.request.method': 'GET', skipped: undefined },
  links: [
    { context: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 }, attributes: { why: 'retry' } },
  ],
  events: [{ name: 'exception', time: [1_700_000_000, 600_000_000] as [number, number], attributes: { 'exception.type': 'Error' } }],
  resource: { attributes: { 'service.name': 'orders' } },
  duration: [0, 500_000_000] as [number, number],
  ended: true,
  droppedAttributesCount: 0,
  droppedEventsCount: 0,
  droppedLinksCount: 0,
};

describe('spanFromReadableSpan', () => {
  it('converts an SDK 2.x span (parentSpanContext, instrumentationScope)', () => {
    const span = spanFromReadableSpan({
      ...base,
      parentSpanContext: { traceId: '5b8efff798038103d269b633813fc60c', spanId: '53995c3f42cd8ad8', traceFlags: 1 },
      instrumentationScope: { name: '@opentelemetry/instrumentation-http', version: '0.223.0' },
    } as unknown as ReadableSpan);
    expect(span).toEqual({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: '53995c3f42cd8ad8',
      name: 'GET /orders',
      service: 'orders',
      kind: 'server',
      status: { code: 'error', message: 'boom' },
      attributes: { 'http.request.method': 'GET' },
      resource: { 'service.name': 'orders' },
      events: [{ name: 'exception', timeUnixNano: 1_700_000_000_600_000_000n, attributes: { 'exception.type': 'Error' } }],
      links: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', attributes: { why: 'retry' } }],
      scope: { name: '@opentelemetry/instrumentation-http', version: '0.223.0' },
      startTimeUnixNano: 1_700_000_000_500_000_000n,
      endTimeUnixNano: 1_700_000_001_000_000_000n,
      durationMs: 500,
    });
  });

  it('converts an SDK 1.x span (parentSpanId, instrumentationLibrary)', () => {
    const span = spanFromReadableSpan({
      ...base,
      parentSpanId: '53995c3f42cd8ad8',
      instrumentationLibrary: { name: 'legacy' },
    } as unknown as ReadableSpan);
    expect(span.parentSpanId).toBe('53995c3f42cd8ad8');
    expect(span.scope).toEqual({ name: 'legacy' });
  });

  it('treats a missing or all-zero parent as a root', () => {
    expect(spanFromReadableSpan(base as unknown as ReadableSpan).parentSpanId).toBeUndefined();
    expect(spanFromReadableSpan({ ...base, parentSpanId: '0000000000000000' } as unknown as ReadableSpan).parentSpanId).toBeUndefined();
  });
});
