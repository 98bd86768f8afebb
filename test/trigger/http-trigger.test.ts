import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTrigger } from '../../src/trigger/http-trigger';
import { memoryBackend } from '../../src/in-process/memory-backend';
import { openTraceSession } from '../../src/trigger/trace-session';
import { isPendingTrace } from '../../src/wait/pending-trace';

let server: Server;
let url: string;
const seen: { headers: IncomingHttpHeaders; body: string; url: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body, url: req.url });
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-thing': 'yes' });
      res.end(req.url === '/text' ? 'not json' : JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('http trigger', () => {
  const http = createHttpTrigger(openTraceSession({ backend: memoryBackend(), timeoutMs: 4000, quietWindowMs: 150 }));

  it('sends a fresh W3C traceparent per request and returns the response with its pending trace', async () => {
    const a = await http.post(`${url}/orders`, { json: { sku: 'A1' }, query: { dry: true } });
    const b = await http.get(`${url}/orders`);
    const [first, second] = seen.slice(-2);
    expect(first!.headers.traceparent).toMatch(new RegExp(`^00-${a.traceId}-[0-9a-f]{16}-01$`));
    expect(second!.headers.traceparent).toMatch(new RegExp(`^00-${b.traceId}-[0-9a-f]{16}-01$`));
    expect(a.traceId).not.toBe(b.traceId);
    expect(first!.body).toBe('{"sku":"A1"}');
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.url).toBe('/orders?dry=true');
    expect(a.status).toBe(200);
    expect(a.headers['x-thing']).toBe('yes');
    expect(a.json()).toEqual({ ok: true });
    expect(isPendingTrace(a.trace)).toBe(true);
    expect(a.trace.traceId).toBe(a.traceId);
  });

  it("keeps the caller's headers and returns 4xx responses as responses", async () => {
    const res = await http.get(`${url}/missing`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(404);
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer t');
  });

  it('says when the body is not JSON', async () => {
    const res = await http.get(`${url}/text`);
    expect(() => res.json()).toThrow(/The response of GET .*\/text is not JSON: not json/);
  });

  it('names the cause and the fix when the service is not listening', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(http.get(`http://127.0.0.1:${port}/`)).rejects.toThrow(
      new RegExp(`GET http://127.0.0.1:${port}/ failed: .*ECONNREFUSED.*Is the service running and listening on 127.0.0.1:${port}\\?`),
    );
  });
});
