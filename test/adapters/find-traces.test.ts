import { afterAll, describe, expect, it } from 'vitest';
import { otlpReceiverBackend } from '../../adapters/otlp';
import { combineBackends } from '../../src/backend/combine-backends';
import type { TraceBackend } from '../../src/backend/trace-backend';
import { BackendError } from '../../src/errors';
import { memoryBackend } from '../../src/in-process/memory-backend';
import { publishSpan } from '../../src/in-process/span-channel';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { createExporter } from '../receiver/support/exporters';
import { exportSpans } from '../receiver/support/export-spans';
import { makeSpan, traceIdOf } from '../receiver/support/make-span';
import { recordSdkTrace } from '../receiver/support/sdk-trace';

const receiver: Receiver = await startReceiver();
const otlp = otlpReceiverBackend({ url: receiver.queryUrl });
afterAll(async () => {
  await otlp.close();
  await receiver.close();
});
const signal = (): AbortSignal => AbortSignal.timeout(10_000);

describe('otlpReceiverBackend().findTraces', () => {
  it('reads what the receiver saw arrive: spans restored, counts, delays and its endpoint', async () => {
    const from = Date.now();
    const sent = recordSdkTrace({ service: 'cart', size: 2 });
    await exportSpans(createExporter('json', receiver.otlpTracesUrl), sent.spans);
    const answer = await otlp.findTraces!({ from, to: Date.now() }, signal());
    const stored = receiver.store.get(sent.traceId).spans;
    expect(answer.traces).toEqual([
      { traceId: sent.traceId, topSpans: stored.filter((s) => !s.parentSpanId), spanCount: 2, services: ['cart'] },
    ]);
    expect(answer).toMatchObject({ spansInWindow: 2, truncated: false, endpoints: [`${receiver.otlpHttpUrl} (OTLP/HTTP)`] });
    expect(answer.exportDelays?.map((d) => [d.service, d.spans])).toEqual([['cart', 2]]);
  });

  it('throws a BackendError naming the receiver when it cannot be asked', async () => {
    const gone = await startReceiver();
    const backend = otlpReceiverBackend({ url: gone.queryUrl });
    await gone.close();
    const failure = backend.findTraces!({ from: 0, to: 1 }, signal());
    await expect(failure).rejects.toBeInstanceOf(BackendError);
    await expect(failure).rejects.toThrow(/Could not reach the traceproof receiver at .*connection refused/);
    await backend.close();
  });
});

describe('combineBackends(...).findTraces', () => {
  const blind: TraceBackend = { name: 'blind', fetchTrace: () => Promise.resolve([]) };
  const broken: TraceBackend = { ...blind, name: 'broken', findTraces: () => Promise.reject(new Error('it is down')) };

  it('merges the parts that search, keeps each part, and names those that cannot or failed', async () => {
    const memory = memoryBackend();
    try {
      const from = Date.now();
      publishSpan(makeSpan('c', 1));
      receiver.store.add([makeSpan('c', 2), makeSpan('d', 1)]);
      const answer = await combineBackends([memory, otlp, blind, broken]).findTraces!({ from, to: Date.now() }, signal());
      expect(answer.traces.map((t) => t.traceId).sort()).toEqual([traceIdOf('c'), traceIdOf('d')]);
      expect(answer.traces.find((t) => t.traceId === traceIdOf('c'))?.spanCount).toBe(2);
      expect(answer.spansInWindow).toBe(3);
      expect(answer.parts?.map((p) => [p.backend, p.spansInWindow])).toEqual([
        ['memory', 1],
        ['otlp', 2],
      ]);
      expect(answer.endpoints).toEqual([`${receiver.otlpHttpUrl} (OTLP/HTTP)`]);
      expect(answer.notChecked).toEqual(['blind: cannot search recent traces', 'broken: the search failed: it is down']);
      expect(answer.scope).toMatch(/^spans that ended in this process from .*; spans that arrived at the receiver from /);
    } finally {
      await memory.close();
    }
  });

  it('cannot search when no part can, and fails when every part that can fails', async () => {
    expect(combineBackends([blind, { ...blind, name: 'blind2' }]).findTraces).toBeUndefined();
    await expect(combineBackends([blind, broken]).findTraces!({ from: 0, to: 1 }, signal())).rejects.toThrow('it is down');
  });
});
