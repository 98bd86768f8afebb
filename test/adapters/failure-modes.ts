import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TraceBackend } from '../../src/backend/trace-backend';
import { BackendError } from '../../src/errors';
import type { BackendAvailability } from './contract';

export interface FailureModes {
  /** Product name, for titles. */
  name: string;
  /** The adapter's factory: base URL, headers and per-request timeout. */
  make: (url: string, options?: { headers?: Record<string, string>; timeoutMs?: number }) => TraceBackend;
  /** How the real backend says "no such trace", for the fake server's header test. */
  notFound: { status: number; contentType: string; body: (traceId: string) => string };
  /** The real backend, for the wrong-path case; skipped (by name) when it is not reachable. */
  availability: BackendAvailability;
}

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

type Handler = (res: ServerResponse, url: string, headers: IncomingHttpHeaders) => void;

/** A throwaway HTTP server on 127.0.0.1:0; these fake only the answers a real backend won't give. */
async function fakeServer(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => handler(res, req.url ?? '', req.headers));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const stop = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A port that nothing listens on: bound once, then released. */
async function closedPortUrl(): Promise<string> {
  const { url, server } = await fakeServer(() => undefined);
  await stop(server);
  return url;
}

const fetchOnce = (backend: TraceBackend, signal = AbortSignal.timeout(10_000)): Promise<unknown> => backend.fetchTrace(TRACE_ID, signal);

/** The failures every HTTP adapter must turn into a clear {@link BackendError} (or `[]`, or an abort). */
export function runFailureModes(modes: FailureModes): void {
  describe(`${modes.name} adapter failure modes`, () => {
    const servers: Server[] = [];
    const serve = async (handler: Handler): Promise<string> => {
      const { url, server } = await fakeServer(handler);
      servers.push(server);
      return url;
    };
    let hanging: string;
    beforeAll(async () => {
      hanging = await serve(() => undefined);
    });
    afterAll(async () => {
      await Promise.all(servers.map(stop));
    });

    test('backend down: names the backend, the URL, the cause and the fix', async () => {
      const url = await closedPortUrl();
      const error = await fetchOnce(modes.make(url)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      const message = (error as Error).message;
      expect(message).toContain(`[traceproof] [${modes.make(url).name}]`);
      expect(message).toContain(`Could not fetch trace ${TRACE_ID} from ${url}`);
      expect(message).toContain('connection refused');
      expect(message).toContain(`Is ${modes.name} running`);
      expect(message).toMatch(/Set TRACEPROOF_BACKEND=\w+\+http:\/\/host:\d+/);
      expect((error as Error).cause).toBeDefined();
    });

    test('garbage instead of JSON', async () => {
      const url = await serve((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [{"spans": '));
      await expect(fetchOnce(modes.make(url))).rejects.toThrow(/not JSON/);
    });

    test('JSON that is not a trace', async () => {
      const url = await serve((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello": "world"}'));
      await expect(fetchOnce(modes.make(url))).rejects.toThrow(BackendError);
    });

    test('5xx: the status, the body, and where to look', async () => {
      const url = await serve((res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream connect error'));
      const error = (await fetchOnce(modes.make(url)).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(BackendError);
      expect(error.message).toMatch(/HTTP 503/);
      expect(error.message).toContain('upstream connect error');
      expect(error.message).toContain('is failing');
    });

    test('HTML from a URL that is not the query API', async () => {
      const url = await serve((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Some UI</title>'));
      await expect(fetchOnce(modes.make(url))).rejects.toThrow(/HTML|query API/);
    });

    test('401: says how to pass credentials', async () => {
      const url = await serve((res) => res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized'));
      await expect(fetchOnce(modes.make(url))).rejects.toThrow(/HTTP 401.*headers/s);
    });

    test('sends the configured headers; "not found" answers []', async () => {
      let seen: IncomingHttpHeaders = {};
      const url = await serve((res, _path, headers) => {
        seen = headers;
        res.writeHead(modes.notFound.status, { 'content-type': modes.notFound.contentType }).end(modes.notFound.body(TRACE_ID));
      });
      const backend = modes.make(url, { headers: { authorization: 'Bearer s3cret', 'x-scope-orgid': 'team-a' } });
      await expect(fetchOnce(backend)).resolves.toEqual([]);
      expect(seen.authorization).toBe('Bearer s3cret');
      expect(seen['x-scope-orgid']).toBe('team-a');
    });

    test('an aborted signal rejects at once with its reason', async () => {
      const reason = new Error('test cancelled');
      await expect(fetchOnce(modes.make(hanging), AbortSignal.abort(reason))).rejects.toBe(reason);
    });

    test('aborting a request in flight rejects promptly with the reason', async () => {
      const controller = new AbortController();
      const reason = new Error('deadline passed');
      setTimeout(() => controller.abort(reason), 50);
      await expect(fetchOnce(modes.make(hanging), controller.signal)).rejects.toBe(reason);
    });

    test('a backend that never answers fails after timeoutMs', async () => {
      await expect(fetchOnce(modes.make(hanging, { timeoutMs: 200 }))).rejects.toThrow(/no answer within 200 ms/);
    });

    const real = modes.availability;
    test.skipIf(!real.available)(`wrong URL path on the real ${modes.name}: an error, not "no trace yet"`, async () => {
      if (!real.available) return;
      const error = (await fetchOnce(modes.make(`${real.url}/wrong/base`)).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(BackendError);
      expect(error.message).toContain(`${real.url}/wrong/base`);
    });
  });
}
