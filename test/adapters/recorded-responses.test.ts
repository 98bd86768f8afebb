import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { spansFromJaegerJson } from '../../src/formats/from-jaeger';
import { spansFromOtlpJson } from '../../src/formats/from-otlp-json';
import { spansFromZipkinJson } from '../../src/formats/from-zipkin';
import type { Span } from '../../src/trace/span';

/**
 * Converter tests over real answers, recorded from Jaeger v2.13 (Go module v1.76.0), Zipkin 3.6.1
 * and Tempo (main, 2025-05-29) after sending the contract trace of `contract.ts`: fast and
 * offline. They complement the live contract (`*.test.ts` beside this file), never replace it.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

const byName = (spans: readonly Span[], name: string): Span => {
  const span = spans.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!span) throw new Error(`no span ${name} in ${spans.map((s) => s.name).join(', ')}`);
  return span;
};

/** The contract trace's shape, as every backend keeps it. */
function expectContractTrace(spans: readonly Span[]): Record<'root' | 'client' | 'internal' | 'consumer', Span> {
  expect(spans).toHaveLength(4);
  expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
  const root = byName(spans, 'GET /Orders/{id}');
  const client = byName(spans, 'SELECT orders');
  const internal = byName(spans, 'parse Row');
  const consumer = byName(spans, 'consume OrderPlaced');
  expect(root.parentSpanId).toBeUndefined();
  expect(client.parentSpanId).toBe(root.spanId);
  expect(internal.parentSpanId).toBe(client.spanId);
  expect(consumer.parentSpanId).toBe(root.spanId);
  expect([root.kind, client.kind, internal.kind, consumer.kind]).toEqual(['server', 'client', 'internal', 'consumer']);
  expect(root.status).toEqual({ code: 'ok' });
  expect(internal.status).toEqual({ code: 'error', message: 'row 7 is corrupt' });
  expect(client.status).toEqual({ code: 'unset' });
  expect(root.attributes['contract.string']).toBe('Hello');
  expect(root.resource['deployment.environment.name']).toBe('contract');
  expect(internal.events.map((e) => e.name)).toEqual(['cache.miss', 'exception']);
  for (const span of spans) {
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.attributes).not.toHaveProperty(['otel.status_code']);
    expect(span.attributes).not.toHaveProperty(['span.kind']);
    expect(span.endTimeUnixNano).toBeGreaterThan(span.startTimeUnixNano);
  }
  return { root, client, internal, consumer };
}

describe('Jaeger v1 JSON (/api/traces/{id})', () => {
  const spans = spansFromJaegerJson(fixture('jaeger-v1-trace.json'));

  test('the contract trace', () => {
    const { root, client, internal, consumer } = expectContractTrace(spans);
    expect(root.service).toBe('traceproof-Contract-API');
    expect(client.service).toBe('traceproof-contract-db');
    expect(root.attributes).toMatchObject({ 'contract.int': 42, 'contract.double': 3.5, 'contract.bool': true });
    // The v1 model has no arrays: Jaeger sends them as JSON text.
    expect(root.attributes['contract.strings']).toBe('["x","y"]');
    expect(root.scope).toEqual({ name: 'traceproof-contract', version: '1.2.3' });
    // FOLLOWS_FROM is a link; the v1 model drops link attributes.
    expect(consumer.links).toEqual([{ traceId: root.traceId, spanId: client.spanId, attributes: {} }]);
    expect(internal.events[1]!.attributes).toMatchObject({ 'exception.type': 'TypeError', 'exception.message': 'row 7 is corrupt' });
    expect(internal.events[0]!.attributes).toEqual({ 'cache.key': 'order:7', 'cache.hits': 3 });
  });

  test('microseconds become nanoseconds', () => {
    const root = byName(spans, 'GET /Orders/{id}');
    expect(root.startTimeUnixNano).toBe(1795324751000000n * 1000n);
    expect(root.durationMs).toBe(90);
  });

  test('no trace: `data: null` converts to no spans', () => {
    expect(spansFromJaegerJson({ data: null, errors: [{ code: 404, msg: 'trace not found' }] })).toEqual([]);
  });

  test('OpenTracing `error=true` without otel.status_code is an error; a string `error` tag stays an attribute', () => {
    const body = structuredClone(fixture('jaeger-v1-trace.json')) as {
      data: Array<{ spans: Array<{ operationName: string; tags: Array<{ key: string; type: string; value: unknown }> }> }>;
    };
    const select = body.data[0]!.spans.find((s) => s.operationName === 'SELECT orders')!;
    select.tags.push({ key: 'error', type: 'bool', value: true });
    const consume = body.data[0]!.spans.find((s) => s.operationName === 'consume OrderPlaced')!;
    consume.tags.push({ key: 'error', type: 'string', value: 'queue lagging' });
    const converted = spansFromJaegerJson(body);
    expect(byName(converted, 'SELECT orders').status).toEqual({ code: 'error' });
    expect(byName(converted, 'consume OrderPlaced').status).toEqual({ code: 'unset' });
    expect(byName(converted, 'consume OrderPlaced').attributes.error).toBe('queue lagging');
  });

  test('bad data names the field', () => {
    expect(() => spansFromJaegerJson({ data: [{ spans: [{ traceID: 'zz', spanID: '1' }] }] })).toThrow(/data\[0\]\.spans\[0\]\.traceID/);
    expect(() => spansFromJaegerJson([])).toThrow(/expected an object with `data`/);
  });
});

describe('Jaeger v3 JSON (/api/v3/traces/{id}: OTLP JSON, hex ids)', () => {
  test('the contract trace, nothing lost', () => {
    const body = fixture('jaeger-v3-trace.json') as { result: unknown };
    const { root, consumer, internal } = expectContractTrace(spansFromOtlpJson(body.result));
    expect(root.attributes['contract.strings']).toEqual(['x', 'y']);
    expect(consumer.links[0]!.attributes).toEqual({ 'link.reason': 'batch' });
    expect(root.startTimeUnixNano % 1000n).toBe(123n);
    expect(internal.events[0]!.attributes).toEqual({ 'cache.key': 'order:7', 'cache.hits': 3 });
  });
});

describe('Tempo (OTLP JSON, base64 ids)', () => {
  test('v1 /api/traces/{id}: `batches`', () => {
    const { root, consumer } = expectContractTrace(spansFromOtlpJson(fixture('tempo-v1-trace.json')));
    expect(root.attributes['contract.strings']).toEqual(['x', 'y']);
    expect(consumer.links[0]!.attributes).toEqual({ 'link.reason': 'batch' });
    expect(root.startTimeUnixNano % 1000n).toBe(123n);
  });

  test('v2 /api/v2/traces/{id}: `{ trace: { resourceSpans } }`', () => {
    const body = fixture('tempo-v2-trace.json') as { trace: unknown };
    expectContractTrace(spansFromOtlpJson(body.trace));
  });
});

describe('Zipkin v2 JSON (/api/v2/trace/{id})', () => {
  const spans = spansFromZipkinJson(fixture('zipkin-v2-trace.json'));

  test('the contract trace, with what Zipkin keeps', () => {
    const { root, client, internal, consumer } = expectContractTrace(spans);
    // Zipkin lower-cases names; tags are strings; no links, no event attributes, no scope.
    expect(root.name).toBe('get /orders/{id}');
    expect(root.service).toBe('traceproof-contract-api');
    expect(client.service).toBe('traceproof-contract-db');
    expect(root.attributes).toMatchObject({ 'contract.int': '42', 'contract.bool': 'true', 'contract.strings': 'x,y' });
    expect(root.resource).toEqual({ 'service.name': 'traceproof-contract-api', 'deployment.environment.name': 'contract' });
    expect(root.attributes).not.toHaveProperty(['service.name']);
    expect(consumer.links).toEqual([]);
    expect(internal.events[0]!.attributes).toEqual({});
    expect(internal.attributes).not.toHaveProperty(['error']);
  });

  test('a span with no kind is internal; Brave-style `error` tag alone is an error', () => {
    const converted = spansFromZipkinJson([
      { traceId: '463ac35c9f6413ad', id: 'a2fb4a1d1a96d312', name: 'local', timestamp: 1, duration: 2, tags: { error: '' } },
    ]);
    expect(converted[0]).toMatchObject({
      kind: 'internal',
      status: { code: 'error' },
      traceId: '0000000000000000463ac35c9f6413ad',
      service: 'unknown_service',
    });
  });

  test('bad data names the field', () => {
    expect(() => spansFromZipkinJson({ spans: [] })).toThrow(/expected an array of spans/);
    expect(() => spansFromZipkinJson([{ traceId: '1', id: 'x!' }])).toThrow(/\[0\]\.id/);
  });
});
