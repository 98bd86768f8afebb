import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { parseBackendSpec } from '../../adapters/from-spec';

describe('parseBackendSpec', () => {
  test.each([
    ['jaeger+http://127.0.0.1:16686', 'jaeger', 'http://127.0.0.1:16686/trace/4bf92f3577b34da6a3ce929d0e0e4736'],
    ['zipkin+http://127.0.0.1:9411/', 'zipkin', 'http://127.0.0.1:9411/zipkin/traces/4bf92f3577b34da6a3ce929d0e0e4736'],
    ['TEMPO+https://tempo.example.com', 'tempo', undefined],
  ])('%s', (spec, name, link) => {
    const backend = parseBackendSpec(spec);
    expect(backend.name).toBe(name);
    expect(backend.traceUrl?.('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(link);
  });

  test('otlp+ is the embedded receiver', () => {
    const backend = parseBackendSpec('otlp+http://127.0.0.1:4318');
    expect(backend.name).toMatch(/otlp|receiver/);
    return backend.close?.();
  });

  test('user info becomes basic auth and leaves the URL', async () => {
    let seen: { authorization?: string; url?: string } = {};
    const server = createServer((req, res) => {
      seen = { authorization: req.headers.authorization, url: req.url };
      res.writeHead(404, { 'content-type': 'text/plain' }).end('4bf92f3577b34da6a3ce929d0e0e4736 not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const backend = parseBackendSpec(`zipkin+http://ann:p%40ss@127.0.0.1:${port}`);
    await expect(backend.fetchTrace('4bf92f3577b34da6a3ce929d0e0e4736', AbortSignal.timeout(5000))).resolves.toEqual([]);
    expect(seen.authorization).toBe(`Basic ${Buffer.from('ann:p@ss').toString('base64')}`);
    expect(backend.traceUrl?.('4bf92f3577b34da6a3ce929d0e0e4736')).not.toContain('ann');
    server.close();
  });

  test.each([
    ['http://127.0.0.1:16686', /Invalid backend spec.*expected jaeger\+http/],
    ['elastic+http://127.0.0.1:9200', /Unknown backend "elastic"/],
    ['jaeger+http://exa mple:99', /not a URL/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseBackendSpec(spec)).toThrow(message);
  });

  test('keeps passwords out of error messages', () => {
    expect(() => parseBackendSpec('elastic+http://ann:hunter2@127.0.0.1:9200')).toThrow(/\/\/\*\*\*@127/);
    expect(() => parseBackendSpec('elastic+http://ann:hunter2@127.0.0.1:9200')).not.toThrow(/hunter2/);
  });
});
