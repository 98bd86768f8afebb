import { context, trace, SpanKind, SpanStatusCode, type Span as ApiSpan } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TraceBackend } from '../../src/backend/trace-backend';
import type { AttributeValue, Span } from '../../src/trace/span';
import { Backoff } from '../../src/wait/backoff';
import { sleep } from '../../src/wait/sleep';

/** What a backend's model keeps; the contract skips, by name, the checks a backend cannot pass. */
export interface BackendCapabilities {
  /** Span and service names keep their case (Zipkin folds them to lower case). */
  caseSensitiveNames: boolean;
  /** Numbers and booleans stay numbers and booleans (Zipkin tags are strings). */
  typedAttributes: boolean;
  /** String arrays stay arrays (Zipkin and Jaeger's v1 API turn them into strings). */
  arrayAttributes: boolean;
  /** Events keep their attributes (Zipkin annotations are a name and a time). */
  eventAttributes: boolean;
  links: boolean;
  /** Links keep their attributes (Jaeger's v1 references have none). */
  linkAttributes: boolean;
  /** The instrumentation scope arrives (OpenTelemetry's JS Zipkin exporter does not send it). */
  scope: boolean;
  /** 1 when nanoseconds survive, 1000 when the store keeps microseconds. */
  timePrecisionNanos: number;
}

export const FULL_CAPABILITIES: BackendCapabilities = Object.freeze({
  caseSensitiveNames: true,
  typedAttributes: true,
  arrayAttributes: true,
  eventAttributes: true,
  links: true,
  linkAttributes: true,
  scope: true,
  timePrecisionNanos: 1,
});

/**
 * How the contract's spans reach the backend, once per service: a fresh `exporter` to its ingest
 * endpoint, or, for a backend fed inside this process, a fresh `spanProcessor` for the service's
 * tracer provider.
 */
export type ContractIngest =
  | { exporter: () => SpanExporter; spanProcessor?: never }
  | { spanProcessor: () => SpanProcessor; exporter?: never };

export type BackendContract = ContractIngest & {
  /** Product name, for test titles: `Jaeger`. */
  name: string;
  /** The name `scripts/backends/start.sh` knows it by, for external backends: `jaeger`. */
  script?: 'jaeger' | 'zipkin' | 'tempo';
  /**
   * Base URL of the query API, or a reason why the backend cannot be reached.
   * @default available, for an in-process backend that has no server
   */
  availability?: BackendAvailability;
  backend: () => TraceBackend;
  capabilities: BackendCapabilities;
  /** How long spans may take to become queryable. @default 15000 */
  ingestTimeoutMs?: number;
};

export type BackendAvailability = { available: true; url: string } | { available: false; reason: string };

export const API_SERVICE = 'traceproof-Contract-API';
const DB_SERVICE = 'traceproof-contract-db';
const SCOPE = { name: 'traceproof-contract', version: '1.2.3' };
const ERROR_MESSAGE = 'row 7 is corrupt';

/** Span names in the sent trace; mixed case on purpose (Zipkin lower-cases names). */
export const NAMES = { root: 'GET /Orders/{id}', client: 'SELECT orders', internal: 'parse Row', consumer: 'consume OrderPlaced' } as const;

const ATTRIBUTES = {
  'contract.string': 'Hello',
  'contract.int': 42,
  'contract.double': 3.5,
  'contract.bool': true,
  'contract.strings': ['x', 'y'],
} as const;

/** A fixed start with sub-microsecond digits, so the comparison sees each store's precision. */
const BASE_SECONDS = Math.floor(Date.now() / 1000) - 5;
const at = (offsetMicros: number, extraNanos = 0): [number, number] => [BASE_SECONDS, offsetMicros * 1000 + extraNanos];
const nanos = (t: [number, number]): bigint => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);

export interface SentTrace {
  traceId: string;
  ids: Record<keyof typeof NAMES, string>;
  times: Record<keyof typeof NAMES, { start: [number, number]; end: [number, number] }>;
  eventTimes: { cacheMiss: [number, number]; exception: [number, number] };
}

/**
 * Sends one known trace with a real OpenTelemetry SDK and the backend's real exporter (or span
 * processor):
 *   API service:  GET /Orders/{id} (server, ok)  ── consume OrderPlaced (consumer, link → SELECT)
 *   DB service:     └ SELECT orders (client)  └ parse Row (internal, error, exception event)
 */
export async function sendKnownTrace(ingest: ContractIngest): Promise<SentTrace> {
  const processor = (): SpanProcessor => (ingest.spanProcessor ? ingest.spanProcessor() : new SimpleSpanProcessor(ingest.exporter()));
  const providers = [API_SERVICE, DB_SERVICE].map(
    (service) =>
      new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': 'contract' }),
        spanProcessors: [processor()],
      }),
  );
  const [api, db] = providers.map((p) => p.getTracer(SCOPE.name, SCOPE.version)) as [
    ReturnType<BasicTracerProvider['getTracer']>,
    ReturnType<BasicTracerProvider['getTracer']>,
  ];
  const times = {
    root: { start: at(0, 123), end: at(90_000, 456) },
    client: { start: at(10_000, 789), end: at(60_000, 1) },
    internal: { start: at(20_000, 5), end: at(40_000, 999) },
    consumer: { start: at(70_000, 321), end: at(85_000, 654) },
  };
  const eventTimes = { cacheMiss: at(25_000, 77), exception: at(30_000, 88) };

  const root = api.startSpan(NAMES.root, {
    kind: SpanKind.SERVER,
    attributes: { ...ATTRIBUTES, 'contract.strings': [...ATTRIBUTES['contract.strings']] },
    startTime: times.root.start,
  });
  const inRoot = trace.setSpan(context.active(), root);
  const client = db.startSpan(
    NAMES.client,
    { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'sqlite' }, startTime: times.client.start },
    inRoot,
  );
  const internal = db.startSpan(
    NAMES.internal,
    { kind: SpanKind.INTERNAL, startTime: times.internal.start },
    trace.setSpan(context.active(), client),
  );
  internal.addEvent('cache.miss', { 'cache.key': 'order:7', 'cache.hits': 3 }, eventTimes.cacheMiss);
  internal.recordException(new TypeError(ERROR_MESSAGE), eventTimes.exception);
  internal.setStatus({ code: SpanStatusCode.ERROR, message: ERROR_MESSAGE });
  internal.end(times.internal.end);
  client.end(times.client.end);
  const consumer = api.startSpan(
    NAMES.consumer,
    {
      kind: SpanKind.CONSUMER,
      startTime: times.consumer.start,
      links: [{ context: client.spanContext(), attributes: { 'link.reason': 'batch' } }],
    },
    inRoot,
  );
  consumer.end(times.consumer.end);
  root.setStatus({ code: SpanStatusCode.OK });
  root.end(times.root.end);

  await Promise.all(providers.map((p) => p.forceFlush()));
  await Promise.all(providers.map((p) => p.shutdown()));
  const id = (s: ApiSpan): string => s.spanContext().spanId;
  return {
    traceId: root.spanContext().traceId,
    ids: { root: id(root), client: id(client), internal: id(internal), consumer: id(consumer) },
    times,
    eventTimes,
  };
}

/** Polls the adapter with backoff until `expected` spans are there, or the time is up. */
export async function fetchUntil(backend: TraceBackend, traceId: string, expected: number, timeoutMs: number): Promise<readonly Span[]> {
  const signal = AbortSignal.timeout(timeoutMs);
  const backoff = new Backoff(50, 500);
  let spans: readonly Span[] = [];
  while (!signal.aborted) {
    spans = await backend.fetchTrace(traceId, AbortSignal.timeout(10_000));
    if (spans.length >= expected) return spans;
    await sleep(backoff.next(), signal);
  }
  throw new Error(`${backend.name}: trace ${traceId} had ${spans.length} of ${expected} spans after ${timeoutMs} ms`);
}

const warned = new Set<string>();

/**
 * Runs the shared contract against one real backend: the same trace, sent with the backend's
 * real exporter and read back through its adapter, must convert into the same spans, field by
 * field, except for the capabilities the backend lacks (skipped by name). When the backend is
 * not reachable, a run under `CI=true` fails; a local run skips with one printed notice.
 */
export function runBackendContract(contract: BackendContract): void {
  const { name, capabilities: can } = contract;
  const availability: { available: true } | { available: false; reason: string } = contract.availability ?? { available: true };
  if (!availability.available) {
    const { reason } = availability;
    const key = contract.script ?? name;
    const fix = contract.script ? `Start it with: eval "$(scripts/backends/start.sh ${contract.script})"` : 'Start it first.';
    if (process.env.CI === 'true') {
      test(`${name} contract: backend must be reachable under CI`, () => {
        throw new Error(`${name} is not reachable (${reason}). CI must start it. ${fix}`);
      });
    } else {
      if (!warned.has(key)) {
        warned.add(key);
        console.warn(`[traceproof] skipping the ${key} contract tests: ${reason}. ${fix}`);
      }
      describe.skip(`${name} contract (not reachable: ${reason})`, () => {
        test('skipped', () => undefined);
      });
    }
    return;
  }

  describe(`${name} contract`, () => {
    let sent: SentTrace;
    let spans: readonly Span[];
    let backend: TraceBackend;
    const byKey = (key: keyof typeof NAMES): Span => {
      const span = spans.find((s) => s.spanId === sent.ids[key]);
      if (!span) throw new Error(`span ${key} (${sent.ids[key]}) is missing from ${JSON.stringify(spans.map((s) => s.name))}`);
      return span;
    };
    const caseOf = (text: string): string => (can.caseSensitiveNames ? text : text.toLowerCase());
    /** An end time is start plus duration, each cut to the store's precision: twice the error. */
    const expectTime = (actual: bigint, expected: [number, number], steps = 1): void => {
      const diff = actual - nanos(expected);
      const tolerance = can.timePrecisionNanos === 1 ? 0n : BigInt(can.timePrecisionNanos * steps);
      expect(diff >= -tolerance && diff <= tolerance, `time ${actual} vs sent ${nanos(expected)} (precision ${tolerance} ns)`).toBe(true);
    };

    beforeAll(async () => {
      backend = contract.backend();
      sent = await sendKnownTrace(contract);
      spans = await fetchUntil(backend, sent.traceId, 4, contract.ingestTimeoutMs ?? 15_000);
    });
    afterAll(async () => {
      await backend?.close?.();
    });

    test('every span arrives once, with the trace id and its own span id', () => {
      expect(spans).toHaveLength(4);
      expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([sent.traceId]));
      expect(new Set(spans.map((s) => s.spanId))).toEqual(new Set(Object.values(sent.ids)));
    });

    test('parents', () => {
      expect(byKey('root').parentSpanId).toBeUndefined();
      expect(byKey('client').parentSpanId).toBe(sent.ids.root);
      expect(byKey('internal').parentSpanId).toBe(sent.ids.client);
      expect(byKey('consumer').parentSpanId).toBe(sent.ids.root);
    });

    test(`names and services${can.caseSensitiveNames ? '' : ' (lower-cased by the backend)'}`, () => {
      for (const key of Object.keys(NAMES) as Array<keyof typeof NAMES>) expect(byKey(key).name).toBe(caseOf(NAMES[key]));
      expect(byKey('root').service).toBe(caseOf(API_SERVICE));
      expect(byKey('consumer').service).toBe(caseOf(API_SERVICE));
      expect(byKey('client').service).toBe(caseOf(DB_SERVICE));
      expect(byKey('internal').service).toBe(caseOf(DB_SERVICE));
    });

    test('kinds', () => {
      expect(byKey('root').kind).toBe('server');
      expect(byKey('client').kind).toBe('client');
      expect(byKey('internal').kind).toBe('internal');
      expect(byKey('consumer').kind).toBe('consumer');
    });

    test('status', () => {
      expect(byKey('root').status).toEqual({ code: 'ok' });
      expect(byKey('internal').status).toEqual({ code: 'error', message: ERROR_MESSAGE });
      expect(byKey('client').status).toEqual({ code: 'unset' });
      expect(byKey('consumer').status).toEqual({ code: 'unset' });
    });

    test('string attributes', () => {
      expect(byKey('root').attributes['contract.string']).toBe('Hello');
      expect(byKey('client').attributes['db.system.name']).toBe('sqlite');
    });

    test.skipIf(!can.typedAttributes)('int, double and bool attributes keep their types', () => {
      const attributes = byKey('root').attributes;
      expect(attributes['contract.int']).toBe(42);
      expect(attributes['contract.double']).toBe(3.5);
      expect(attributes['contract.bool']).toBe(true);
    });

    test.skipIf(can.typedAttributes)('int, double and bool attributes arrive as strings', () => {
      const attributes = byKey('root').attributes;
      expect(attributes['contract.int']).toBe('42');
      expect(attributes['contract.double']).toBe('3.5');
      expect(attributes['contract.bool']).toBe('true');
    });

    test.skipIf(!can.arrayAttributes)('string array attributes stay arrays', () => {
      expect(byKey('root').attributes['contract.strings']).toEqual(['x', 'y']);
    });

    test.skipIf(can.arrayAttributes)('string array attributes arrive as one string', () => {
      const value: AttributeValue | undefined = byKey('root').attributes['contract.strings'];
      expect(typeof value).toBe('string');
      expect(String(value)).toMatch(/x.*y/);
    });

    test('status and scope markers are not left among the attributes', () => {
      for (const span of spans) {
        for (const key of ['otel.status_code', 'otel.status_description', 'span.kind', 'otel.scope.name', 'error']) {
          expect(span.attributes, `${span.name} has ${key}`).not.toHaveProperty([key]);
        }
      }
    });

    test('resource', () => {
      const root = byKey('root');
      expect(root.resource['service.name']).toBe(caseOf(API_SERVICE));
      expect(root.resource['deployment.environment.name']).toBe('contract');
      expect(root.attributes).not.toHaveProperty(['deployment.environment.name']);
    });

    test.skipIf(!can.scope)('instrumentation scope', () => {
      expect(byKey('root').scope).toEqual(SCOPE);
      expect(byKey('internal').scope).toEqual(SCOPE);
    });

    test('events: names, times and order', () => {
      const events = byKey('internal').events;
      expect(events.map((e) => e.name)).toEqual(['cache.miss', 'exception']);
      expectTime(events[0]!.timeUnixNano, sent.eventTimes.cacheMiss);
      expectTime(events[1]!.timeUnixNano, sent.eventTimes.exception);
    });

    test.skipIf(!can.eventAttributes)('event attributes, the exception event included', () => {
      const [cacheMiss, exception] = byKey('internal').events;
      expect(cacheMiss!.attributes).toEqual({ 'cache.key': 'order:7', 'cache.hits': 3 });
      expect(exception!.attributes['exception.type']).toBe('TypeError');
      expect(exception!.attributes['exception.message']).toBe(ERROR_MESSAGE);
      expect(String(exception!.attributes['exception.stacktrace'])).toContain(ERROR_MESSAGE);
    });

    test.skipIf(!can.links)('links', () => {
      const links = byKey('consumer').links;
      expect(links.map((l) => [l.traceId, l.spanId])).toEqual([[sent.traceId, sent.ids.client]]);
      if (can.linkAttributes) expect(links[0]!.attributes).toEqual({ 'link.reason': 'batch' });
    });

    test(`times, to ${can.timePrecisionNanos === 1 ? 'the nanosecond' : `${can.timePrecisionNanos} ns`}`, () => {
      for (const key of Object.keys(NAMES) as Array<keyof typeof NAMES>) {
        const span = byKey(key);
        expectTime(span.startTimeUnixNano, sent.times[key].start);
        expectTime(span.endTimeUnixNano, sent.times[key].end, 2);
        expect(span.durationMs).toBeCloseTo(Number(span.endTimeUnixNano - span.startTimeUnixNano) / 1e6, 6);
      }
    });

    test('an unknown trace id answers [] (not arrived yet), not an error', async () => {
      await expect(backend.fetchTrace('0af7651916cd43dd8448eb211c80319c', AbortSignal.timeout(10_000))).resolves.toEqual([]);
    });

    test('upper-case trace ids are accepted', async () => {
      const again = await backend.fetchTrace(sent.traceId.toUpperCase(), AbortSignal.timeout(10_000));
      expect(again.map((s) => s.spanId).sort()).toEqual(spans.map((s) => s.spanId).sort());
    });
  });
}
