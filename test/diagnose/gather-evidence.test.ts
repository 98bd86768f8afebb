import { SamplingDecision, type Sampler } from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { otlpReceiverBackend } from '../../adapters/otlp';
import type { TraceBackend } from '../../src/backend/trace-backend';
import { evidenceFindings as say } from '../../src/diagnose/evidence-findings';
import { forgetExportDelays } from '../../src/diagnose/export-delays-seen';
import { gatherEvidence } from '../../src/diagnose/gather-evidence';
import type { TriggerFacts } from '../../src/diagnose/trigger-facts';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { Trace } from '../../src/trace/trace';
import { formatTraceparent, newSpanId, newTraceId } from '../../src/trigger/traceparent';
import { startTracedService, type TracedService, type TracedServiceOptions } from './support/traced-service';

let receiver: Receiver;
let backend: TraceBackend & { close(): Promise<void> };
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  forgetExportDelays();
  receiver = await startReceiver();
  backend = otlpReceiverBackend({ url: receiver.queryUrl });
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
  await backend.close();
  await receiver.close();
  forgetExportDelays();
});

async function service(options: Omit<TracedServiceOptions, 'exportTo'> & { exportTo?: string }): Promise<TracedService> {
  const started = await startTracedService({ exportTo: receiver.otlpTracesUrl, ...options });
  cleanups.push(() => started.close());
  return started;
}

/** Sends GET like traceproof's trigger does: a fresh trace id in a sampled traceparent. */
async function request(url: string): Promise<TriggerFacts> {
  const facts = { traceId: newTraceId(), startedAt: Date.now(), method: 'GET', url };
  const answer = await fetch(url, { headers: { traceparent: formatTraceparent(facts.traceId, newSpanId()) } });
  await answer.arrayBuffer();
  return facts;
}

const arrival = (traceId: string): Promise<number> => receiver.store.waitForChange(traceId, 0, AbortSignal.timeout(10_000));
const nothing = (facts: TriggerFacts): Trace => new Trace([], { traceId: facts.traceId });
const gather = (facts: TriggerFacts, arrived = nothing(facts)) => gatherEvidence(backend, facts, arrived, AbortSignal.timeout(10_000));

describe('gatherEvidence', () => {
  it('finds the service that received the request but started a new trace, and shows that trace', async () => {
    const orders = await service({ service: 'orders', traceparent: 'ignore' });
    const facts = await request(`${orders.url}/orders/7?verbose=1`);
    const started = orders.servedTraceIds[0]!;
    await arrival(started);
    const evidence = await gather(facts);
    expect(evidence?.findings).toEqual([say.newTrace('orders', started)]);
    expect(evidence?.details).toContain(`Trace ${started} (1 span(s) from orders):`);
    expect(evidence?.details.some((line) => line.includes('orders  GET /orders/:id'))).toBe(true);
    expect(evidence?.details[0]).toMatch(/^Searched spans that arrived at the receiver from /);
  });

  it('says nothing was exported when no span reached the receiver, naming its endpoint', async () => {
    // The service exports to another collector, which takes its spans.
    const elsewhere = await startReceiver();
    const exportTo = elsewhere.otlpTracesUrl;
    cleanups.push(() => elsewhere.close());
    const orders = await service({ service: 'orders', exportTo });
    const facts = await request(`${orders.url}/orders/7`);
    await elsewhere.store.waitForChange(facts.traceId, 0, AbortSignal.timeout(10_000));
    const evidence = await gather(facts);
    expect(evidence?.findings).toEqual([say.nothingExported([`${receiver.otlpHttpUrl} (OTLP/HTTP)`])]);
    expect(evidence?.findings[0]).toBe(
      `nothing was exported to ${receiver.otlpHttpUrl} (OTLP/HTTP) since the request was sent: check the service's OTEL_EXPORTER_OTLP_ENDPOINT (${receiver.otlpHttpUrl}) and OTEL_EXPORTER_OTLP_PROTOCOL (http/protobuf or grpc), and that its exporter is started; a BatchSpanProcessor waits OTEL_BSP_SCHEDULE_DELAY (5 s by default) before exporting; a sampler that drops every trace (OTEL_TRACES_SAMPLER=always_off) exports nothing either`,
    );
    expect(evidence?.details).toContain('0 span(s) of 0 trace(s) arrived in that window.');
  });

  it('finds a batching exporter by its export delay, and remembers it for a later diagnosis', async () => {
    const batching = await service({ service: 'batching', batchDelayMs: 1500 });
    const facts = await request(`${batching.url}/orders/7`);
    await arrival(facts.traceId);
    const evidence = await gather(facts);
    expect(evidence?.findings[0]).toBe(say.lateSpans(1, ['batching']));
    expect(evidence?.findings[1]).toMatch(
      /^service batching exports \d+\.\d s after a span ends: its exporter batches \(set OTEL_BSP_SCHEDULE_DELAY=50 in its environment, or use a SimpleSpanProcessor in tests\)$/,
    );
    expect(evidence?.findings).toHaveLength(2);

    // A later diagnosis, against a store that holds nothing of it, still knows the delay.
    const fresh = await startReceiver();
    const freshBackend = otlpReceiverBackend({ url: fresh.queryUrl });
    const later = { traceId: newTraceId(), startedAt: Date.now(), method: 'GET', url: `${batching.url}/orders/8` };
    const again = await gatherEvidence(freshBackend, later, nothing(later), AbortSignal.timeout(10_000));
    await freshBackend.close();
    await fresh.close();
    expect(again?.findings[0]).toMatch(/^nothing was exported to /);
    expect(again?.findings[1]).toMatch(
      /^service batching exported \d+\.\d s after a span ended earlier in this run, so this trace's spans may still be on their way: its exporter batches/,
    );
  });

  it('suspects a sampler when the service exported other requests to the route but nothing of this one', async () => {
    const dropped = new Set<string>();
    const sampler: Sampler = {
      shouldSample: (_context, traceId) => ({
        decision: dropped.has(traceId) ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED,
      }),
      toString: () => 'DropsChosenTraces',
    };
    const orders = await service({ service: 'orders', sampler });
    const kept = await request(`${orders.url}/orders/6`);
    await arrival(kept.traceId);
    const facts = { traceId: newTraceId(), startedAt: kept.startedAt, method: 'GET', url: `${orders.url}/orders/7` };
    dropped.add(facts.traceId);
    await fetch(facts.url, { headers: { traceparent: formatTraceparent(facts.traceId, newSpanId()) } }).then((r) => r.arrayBuffer());
    const evidence = await gather(facts);
    expect(evidence?.findings).toEqual([say.samplerSameRoute('orders', 'GET /orders/:id')]);
    expect(evidence?.details).toContain(`Other trace ${kept.traceId}: 1 span(s) from orders, starting with orders "GET /orders/:id".`);

    // A request to a route nobody reported serving: less certain, and the words say so.
    const elsewhere = { ...facts, traceId: newTraceId(), url: `${orders.url}/carts/1` };
    expect((await gather(elsewhere))?.findings).toEqual([say.samplerOtherTraces(['orders'])]);
  });

  it('names both services when a call between them lost the traceparent', async () => {
    const inventory = await service({ service: 'inventory', traceparent: 'ignore' });
    const shop = await service({ service: 'shop', downstream: inventory.url });
    const facts = await request(`${shop.url}/orders/7`);
    await Promise.all([arrival(facts.traceId), arrival(inventory.servedTraceIds[0]!)]);
    const arrived = new Trace(await backend.fetchTrace(facts.traceId, AbortSignal.timeout(10_000)), { traceId: facts.traceId });
    const evidence = await gather(facts, arrived);
    expect(evidence?.findings).toEqual([say.brokenPropagation('shop', 'GET', 'inventory', inventory.servedTraceIds[0]!)]);
  });

  it('is undefined for a backend that cannot search, and tells a failed search in its details', async () => {
    const facts = { traceId: newTraceId(), startedAt: Date.now() };
    const blind: TraceBackend = { name: 'blind', fetchTrace: () => Promise.resolve([]) };
    await expect(gatherEvidence(blind, facts, nothing(facts), AbortSignal.timeout(1000))).resolves.toBeUndefined();

    const gone = await startReceiver();
    const down = otlpReceiverBackend({ url: gone.queryUrl });
    await gone.close();
    const evidence = await gatherEvidence(down, facts, nothing(facts), AbortSignal.timeout(10_000));
    expect(evidence?.findings).toEqual([]);
    expect(evidence?.details[0]).toMatch(/^Searching otlp for what arrived since the request failed: .*connection refused/);
    await down.close();
  });
});
