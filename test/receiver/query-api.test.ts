import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { spanFromWire } from '../../src/formats/wire-span';
import { createSpan } from '../../src/trace/span';
import { json, send } from './support/http';
import { makeSpan, traceIdOf } from './support/make-span';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver({ maxWaitMs: 30_000 });
});
afterAll(() => receiver.close());

const get = (path: string, signal?: AbortSignal) => send(`${receiver.queryUrl}${path}`, signal ? { signal } : {});

describe('query API', () => {
  it('answers an unknown trace with version 0 and no spans, never 404', async () => {
    const id = traceIdOf('e');
    const answer = await get(`/traces/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(json(answer)).toEqual({ traceId: id, version: 0, spans: [] });
  });

  it('sends spans losslessly: times, bytes, special numbers, nested values', async () => {
    const span = createSpan({
      traceId: traceIdOf('f'),
      spanId: '00000000000000f1',
      parentSpanId: '00000000000000f0',
      name: 'lossless',
      kind: 'producer',
      status: { code: 'error', message: 'nope' },
      attributes: {
        big: 1.5e300,
        nan: NaN,
        inf: Infinity,
        bytes: new Uint8Array([1, 2]),
        list: [1, 'a', null],
        map: { $bytes: 'user data', deep: { x: true } },
      },
      resource: { 'service.name': 'svc' },
      events: [{ name: 'e', timeUnixNano: 18446744073709551615n, attributes: { k: 'v' } }],
      links: [{ traceId: traceIdOf('a'), spanId: '00000000000000a1', attributes: {} }],
      scope: { name: 'scope' },
      startTimeUnixNano: 1_700_000_000_123_456_789n,
      endTimeUnixNano: 1_700_000_000_223_456_789n,
    });
    receiver.store.add([span]);
    const body = json(await get(`/traces/${span.traceId.toUpperCase()}`)) as { traceId: string; version: number; spans: unknown[] };
    expect(body.traceId).toBe(span.traceId);
    expect(body.version).toBe(receiver.store.version(span.traceId));
    expect(body.spans.map((s) => spanFromWire(s))).toEqual([span]);
  });

  it('leaves spans out with spans=false', async () => {
    receiver.store.add([makeSpan('1', 1)]);
    expect(json(await get(`/traces/${traceIdOf('1')}?spans=false`))).toEqual({
      traceId: traceIdOf('1'),
      version: receiver.store.version(traceIdOf('1')),
    });
  });

  it('long-polls: a waiter is woken by the change it waits for', async () => {
    const id = traceIdOf('2');
    const answer = get(`/traces/${id}?afterVersion=0&waitMs=30000`);
    await vi.waitFor(() => expect(receiver.store.waiterCount).toBe(1));
    receiver.store.add([makeSpan('2', 1)]);
    const body = json(await answer) as { version: number; spans: unknown[] };
    expect(body.version).toBe(receiver.store.version(id));
    expect(body.spans).toHaveLength(1);
    expect(receiver.store.waiterCount).toBe(0);
  });

  it('answers at once when the version is already past afterVersion', async () => {
    receiver.store.add([makeSpan('3', 1)]);
    const body = json(await get(`/traces/${traceIdOf('3')}?afterVersion=0&waitMs=30000`)) as { spans: unknown[] };
    expect(body.spans).toHaveLength(1);
  });

  it('drops the waiter when the client goes away', async () => {
    const controller = new AbortController();
    const answer = get(`/traces/${traceIdOf('4')}?afterVersion=0&waitMs=30000`, controller.signal).catch((e: unknown) => e);
    await vi.waitFor(() => expect(receiver.store.waiterCount).toBe(1));
    controller.abort();
    await answer;
    await vi.waitFor(() => expect(receiver.store.waiterCount).toBe(0));
  });

  it('cuts waitMs to maxWaitMs and then answers with what it has', async () => {
    const short = await startReceiver({ maxWaitMs: 1 });
    try {
      const answer = await send(`${short.queryUrl}/traces/${traceIdOf('5')}?afterVersion=0&waitMs=3600000`);
      expect(json(answer)).toEqual({ traceId: traceIdOf('5'), version: 0, spans: [] });
    } finally {
      await short.close();
    }
  });

  it('answers pending long-polls when it closes', async () => {
    const closing = await startReceiver();
    const answer = send(`${closing.queryUrl}/traces/${traceIdOf('6')}?afterVersion=0&waitMs=30000`);
    await vi.waitFor(() => expect(closing.store.waiterCount).toBe(1));
    await closing.close();
    expect(json(await answer)).toEqual({ traceId: traceIdOf('6'), version: 0, spans: [] });
    expect(closing.store.waiterCount).toBe(0);
  });

  it('reports health', async () => {
    const body = json(await get('/health')) as { status: string; traces: number; spans: number };
    expect(body).toEqual({ status: 'ok', traces: receiver.store.traceCount, spans: receiver.store.spanCount });
  });

  it.each([
    ['/traces/not-a-trace-id', 400, /Trace id must be 32 hex characters/],
    [`/traces/${traceIdOf('7')}?afterVersion=x`, 400, /must be integers/],
    [`/traces/${traceIdOf('7')}?waitMs=-5`, 400, /waitMs not negative/],
    ['/spans', 404, /No such query path/],
  ])('answers %s with %i', async (path, status, message) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect((json(answer) as { error: string }).error).toMatch(message);
  });

  it('answers other methods with 405', async () => {
    const answer = await send(`${receiver.queryUrl}/health`, { method: 'DELETE' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });
});
