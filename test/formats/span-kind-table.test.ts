import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  SPAN_KINDS,
  spanKindFromApi,
  spanKindFromJaegerTag,
  spanKindFromOtlp,
  spanKindFromOtlpName,
  spanKindFromZipkin,
} from '../../src/formats/span-kind-table';

describe('SPAN_KIND_TABLE', () => {
  it('numbers kinds as OTLP does, from UNSPECIFIED = 0', () => {
    expect(SPAN_KINDS).toEqual(['unspecified', 'internal', 'server', 'client', 'producer', 'consumer']);
    expect(SPAN_KINDS.map((_, n) => spanKindFromOtlp(n))).toEqual(SPAN_KINDS);
    expect(spanKindFromOtlp(6)).toBeUndefined();
  });

  it("reads the OpenTelemetry API's SpanKind, which has no UNSPECIFIED", () => {
    expect(spanKindFromApi(SpanKind.INTERNAL)).toBe('internal');
    expect(spanKindFromApi(SpanKind.SERVER)).toBe('server');
    expect(spanKindFromApi(SpanKind.CLIENT)).toBe('client');
    expect(spanKindFromApi(SpanKind.PRODUCER)).toBe('producer');
    expect(spanKindFromApi(SpanKind.CONSUMER)).toBe('consumer');
    expect(spanKindFromApi(5)).toBeUndefined();
  });

  it('reads OTLP enum names, Jaeger tags in any case, and Zipkin kinds as Zipkin writes them', () => {
    expect(spanKindFromOtlpName('SPAN_KIND_CONSUMER')).toBe('consumer');
    expect(spanKindFromOtlpName('SPAN_KIND_UNSPECIFIED')).toBe('unspecified');
    expect(spanKindFromOtlpName('SERVER')).toBeUndefined();
    expect(spanKindFromJaegerTag('Server')).toBe('server');
    expect(spanKindFromJaegerTag('internal')).toBe('internal');
    expect(spanKindFromJaegerTag('unspecified')).toBeUndefined();
    expect(spanKindFromZipkin('PRODUCER')).toBe('producer');
    expect(spanKindFromZipkin('server')).toBeUndefined();
    expect(spanKindFromZipkin('INTERNAL')).toBeUndefined();
  });
});
