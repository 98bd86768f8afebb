import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanFromWire } from '../../src/formats/wire-span';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { createExporter } from './support/exporters';
import { exportSpans } from './support/export-spans';
import { json, send } from './support/http';
import { makeSpan, traceIdOf } from './support/make-span';
import { recordSdkTrace } from './support/sdk-trace';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const get = (query: string) => send(`${receiver.queryUrl}/traces?${query}`);

interface SearchBody {
  scope: string;
  traces: { traceId: string; topSpans: unknown[]; spanCount: number; services: string[] }[];
  truncated: boolean;
  spansInWindow: number;
  exportDelays: { service: string; spans: number; medianMs: number; maxMs: number }[];
  endpoints: string[];
}

describe('GET /traceproof/v1/traces?arrivedFrom=…', () => {
  it('answers what a real exporter sent in the window: top spans as wire spans, counts, delays, endpoints', async () => {
    const from = Date.now();
    const sent = recordSdkTrace({ service: 'checkout', size: 3 });
    await exportSpans(createExporter('proto', receiver.otlpTracesUrl), sent.spans);
    const answer = await get(`arrivedFrom=${from}&arrivedTo=${Date.now()}`);
    expect(answer.status).toBe(200);
    const body = json(answer) as SearchBody;
    expect(body.scope).toMatch(/^spans that arrived at the receiver from \d\d:\d\d:\d\d\.\d{3} to \d\d:\d\d:\d\d\.\d{3}$/);
    expect(body.traces).toHaveLength(1);
    const [trace] = body.traces;
    expect(trace).toMatchObject({ traceId: sent.traceId, spanCount: 3, services: ['checkout'] });
    expect(trace!.topSpans.map((s) => spanFromWire(s).name)).toEqual(['GET /cart']);
    expect(body).toMatchObject({ truncated: false, spansInWindow: 3, endpoints: [`${receiver.otlpHttpUrl} (OTLP/HTTP)`] });
    expect(body.exportDelays).toEqual([{ service: 'checkout', spans: 3, medianMs: expect.any(Number), maxMs: expect.any(Number) }]);
  });

  it('answers an empty window with no traces and 0 spans; arrivedTo defaults to now', async () => {
    const future = Date.now() + 60_000;
    expect(json(await get(`arrivedFrom=${future}&arrivedTo=${future + 1}`))).toMatchObject({
      traces: [],
      spansInWindow: 0,
      exportDelays: [],
    });
    receiver.store.add([makeSpan('5', 1)]);
    const body = json(await get(`arrivedFrom=${Date.now() - 1000}`)) as SearchBody;
    expect(body.traces.map((t) => t.traceId)).toContain(traceIdOf('5'));
  });

  it('keeps to the limit and says it left traces out', async () => {
    const from = Date.now();
    receiver.store.add([makeSpan('6', 1), makeSpan('7', 1), makeSpan('8', 1)]);
    const body = json(await get(`arrivedFrom=${from}&limit=2`)) as SearchBody;
    expect(body.traces).toHaveLength(2);
    expect(body.truncated).toBe(true);
  });

  it.each([
    ['', /arrivedFrom \(required\)/],
    ['arrivedFrom=soon', /must be whole numbers/],
    ['arrivedFrom=1.5', /must be whole numbers/],
    ['arrivedFrom=10&arrivedTo=-1', /must be whole numbers/],
    ['arrivedFrom=10&arrivedTo=5', /arrivedTo \(5\) is before arrivedFrom \(10\)/],
    ['arrivedFrom=10&limit=0', /limit must be from 1 to 200, got 0/],
    ['arrivedFrom=10&limit=201', /limit must be from 1 to 200, got 201/],
  ])('answers 400 with the reason for %j', async (query, reason) => {
    const answer = await get(query);
    expect(answer.status).toBe(400);
    expect((json(answer) as { error: string }).error).toMatch(reason);
  });
});
