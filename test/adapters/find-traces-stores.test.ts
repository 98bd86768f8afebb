import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it, test } from 'vitest';
import { jaegerBackend } from '../../adapters/jaeger';
import { tempoBackend } from '../../adapters/tempo';
import { zipkinBackend } from '../../adapters/zipkin';
import type { TraceBackend } from '../../src/backend/trace-backend';
import type { TraceSearch, TraceSearchAnswer } from '../../src/backend/trace-search';
import { evidenceFindings as say } from '../../src/diagnose/evidence-findings';
import { gatherEvidence } from '../../src/diagnose/gather-evidence';
import { Trace } from '../../src/trace/trace';
import { newTraceId } from '../../src/trigger/traceparent';
import { Backoff } from '../../src/wait/backoff';
import { sleep } from '../../src/wait/sleep';
import type { BackendAvailability } from './contract';
import { probeBackend } from './probe-backend';
import { wholeMicrosecondExporter } from './whole-microsecond-exporter';

interface SearchedStore {
  readonly name: 'jaeger' | 'tempo' | 'zipkin';
  readonly availability: BackendAvailability;
  readonly backend: () => TraceBackend;
  readonly exporter: () => SpanExporter;
}

const jaeger = await probeBackend('TRACEPROOF_JAEGER_URL', '/api/services');
const tempo = await probeBackend('TRACEPROOF_TEMPO_URL', '/ready');
const zipkin = await probeBackend('TRACEPROOF_ZIPKIN_URL', '/health');
const urlOf = (a: BackendAvailability): string => (a.available ? a.url : '');

const STORES: SearchedStore[] = [
  {
    name: 'jaeger',
    availability: jaeger,
    backend: () => jaegerBackend({ url: urlOf(jaeger) }),
    exporter: () => new OTLPTraceExporter({ url: `${process.env.TRACEPROOF_JAEGER_OTLP_URL ?? 'http://127.0.0.1:14318'}/v1/traces` }),
  },
  {
    name: 'tempo',
    availability: tempo,
    backend: () => tempoBackend({ url: urlOf(tempo) }),
    exporter: () => new OTLPTraceExporter({ url: `${process.env.TRACEPROOF_TEMPO_OTLP_URL ?? 'http://127.0.0.1:24318'}/v1/traces` }),
  },
  {
    name: 'zipkin',
    availability: zipkin,
    backend: () => zipkinBackend({ url: urlOf(zipkin) }),
    exporter: () => wholeMicrosecondExporter(new ZipkinExporter({ url: `${urlOf(zipkin)}/api/v2/spans` })),
  },
];

/**
 * What a service that ignores the incoming traceparent exports for one request: a root server
 * span `GET /orders/:id` and a child, recorded and exported with the real SDK.
 */
async function exportNewRootTrace(exporter: SpanExporter, service: string, path: string): Promise<string> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('traceproof-search-test');
  const root = tracer.startSpan(
    'GET /orders/:id',
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'GET', 'url.path': path, 'http.route': '/orders/:id' } },
    ROOT_CONTEXT,
  );
  tracer.startSpan('SELECT orders', { kind: SpanKind.CLIENT }, trace.setSpan(ROOT_CONTEXT, root)).end();
  root.end();
  await provider.forceFlush();
  await provider.shutdown();
  return root.spanContext().traceId;
}

/** Searches until the trace is found (stores index asynchronously), or fails after 20 s. */
async function searchUntilFound(backend: TraceBackend, search: () => TraceSearch, traceId: string): Promise<TraceSearchAnswer> {
  const signal = AbortSignal.timeout(20_000);
  const backoff = new Backoff(100, 1000);
  for (;;) {
    const answer = await backend.findTraces!(search(), AbortSignal.timeout(10_000));
    if (answer.traces.some((t) => t.traceId === traceId)) return answer;
    if (signal.aborted) throw new Error(`${backend.name}: trace ${traceId} not found; last answer ${JSON.stringify(answer.scope)}`);
    await sleep(backoff.next(), signal).catch(() => undefined);
  }
}

for (const store of STORES) {
  if (!store.availability.available) {
    const { reason } = store.availability;
    if (process.env.CI === 'true') {
      test(`${store.name} findTraces: backend must be reachable under CI`, () => {
        throw new Error(`${store.name} is not reachable (${reason}). CI must start it: eval "$(scripts/backends/start.sh ${store.name})"`);
      });
    } else {
      describe.skip(`${store.name} findTraces (not reachable: ${reason})`, () => {
        test('skipped', () => undefined);
      });
    }
    continue;
  }

  describe(`${store.name} findTraces`, () => {
    it('finds a trace by the start time of its spans, with its top span, count and services, and says what it did not check', async () => {
      const backend = store.backend();
      const from = Date.now() - 1000;
      const path = `/orders/${Math.floor(Math.random() * 1e9)}`;
      const traceId = await exportNewRootTrace(store.exporter(), `search-${store.name}`, path);
      const answer = await searchUntilFound(backend, () => ({ from, to: Date.now(), limit: 50 }), traceId);
      const found = answer.traces.find((t) => t.traceId === traceId)!;
      expect(found.spanCount).toBe(2);
      expect(found.services).toEqual([`search-${store.name}`]);
      expect(found.topSpans.map((s) => s.name.toLowerCase())).toEqual(['get /orders/:id']);
      expect(answer.scope).toMatch(/started from \d\d:\d\d:\d\d\.\d{3} to \d\d:\d\d:\d\d\.\d{3} in /);
      expect(answer.spansInWindow).toBeUndefined();
      expect(answer.notChecked?.[0]).toMatch(
        new RegExp(`^${store.name}: .* records no arrival time, so this searched by (span|trace) start time`),
      );
    });

    it('lets gatherEvidence find the service that started a new trace for the request', async () => {
      const backend = store.backend();
      const startedAt = Date.now();
      const path = `/orders/${Math.floor(Math.random() * 1e9)}`;
      const started = await exportNewRootTrace(store.exporter(), `orders-${store.name}`, path);
      await searchUntilFound(backend, () => ({ from: startedAt - 200, to: Date.now(), limit: 50 }), started);
      const facts = { traceId: newTraceId(), startedAt, method: 'GET', url: `http://127.0.0.1:1${path}` };
      const evidence = await gatherEvidence(backend, facts, new Trace([], { traceId: facts.traceId }), AbortSignal.timeout(20_000));
      expect(evidence?.findings[0]).toBe(say.newTrace(`orders-${store.name}`, started));
      expect(evidence?.details.some((d) => d.startsWith('Not checked: '))).toBe(true);
    });
  });
}
