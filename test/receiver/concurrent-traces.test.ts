import { afterAll, beforeAll, expect, it } from 'vitest';
import { otlpReceiverBackend } from '../../adapters/otlp';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { createExporter, type ExporterKind } from './support/exporters';
import { exportSpans } from './support/export-spans';
import { recordSdkTrace } from './support/sdk-trace';

const TRACES = 200;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver({ grpcPort: 0 });
});
afterAll(() => receiver.close());

it(`${TRACES} concurrent traces each see their own spans, and each waiter is woken by its own`, async () => {
  const backend = otlpReceiverBackend({ url: receiver.queryUrl });
  // Three of each kind: an exporter allows 30 exports in flight.
  const kinds: ExporterKind[] = ['proto', 'json', 'grpc', 'proto', 'json', 'grpc', 'proto', 'json', 'grpc'];
  const exporters = kinds.map((kind) => createExporter(kind, kind === 'grpc' ? receiver.grpcUrl! : receiver.otlpTracesUrl));
  const traces = Array.from({ length: TRACES }, (_, i) => recordSdkTrace({ size: 1 + (i % 6), service: `svc-${i % 7}` }));
  expect(new Set(traces.map((t) => t.traceId)).size).toBe(TRACES);

  const signal = new AbortController().signal;
  const woken = traces.map((t) => backend.waitForChange!(t.traceId, 0, signal));
  try {
    await Promise.all(traces.map((t, i) => exportSpans(exporters[i % exporters.length]!, t.spans)));
  } finally {
    for (const w of woken) w.catch(() => undefined);
  }
  const versions = await Promise.all(woken);

  const fetched = await Promise.all(traces.map((t) => backend.fetchTrace(t.traceId, signal)));
  traces.forEach((trace, i) => {
    expect(versions[i]).toBe(receiver.store.version(trace.traceId));
    expect(fetched[i]!.every((s) => s.traceId === trace.traceId)).toBe(true);
    expect(new Set(fetched[i]!.map((s) => s.spanId))).toEqual(new Set(trace.spans.map((s) => s.spanContext().spanId)));
  });
  expect(receiver.store.spanCount).toBe(traces.reduce((n, t) => n + t.spans.length, 0));
  expect(receiver.store.waiterCount).toBe(0);
  await Promise.all(exporters.map((e) => e.shutdown()));
  await backend.close();
});
