import type { Span } from '../trace/span';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0', '::']);

/** `host:port` with loopback names made one, so `localhost:4000` and `127.0.0.1:4000` compare equal. */
export function normalizeAddress(host: string, port: string | number | undefined): string {
  const name = host.toLowerCase();
  const bare = LOOPBACK.has(name) ? '127.0.0.1' : name.replace(/^\[(.*)\]$/, '$1');
  return port === undefined || port === '' ? bare : `${bare}:${port}`;
}

function fromUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
    return normalizeAddress(url.hostname, port);
  } catch {
    return undefined;
  }
}

function fromPair(span: Span, hostKey: string, portKey: string): string | undefined {
  const host = span.attributes[hostKey];
  const port = span.attributes[portKey];
  if (typeof host !== 'string' || host === '') return undefined;
  return normalizeAddress(host, typeof port === 'number' || typeof port === 'string' ? port : undefined);
}

/** Where an outbound call went: `server.address`/`server.port`, the URL, or the old `net.peer.*`. */
export function calleeAddress(span: Span): string | undefined {
  const pair = fromPair(span, 'server.address', 'server.port') ?? fromPair(span, 'net.peer.name', 'net.peer.port');
  if (pair?.includes(':')) return pair;
  return fromUrl(span.attributes['url.full']) ?? fromUrl(span.attributes['http.url']) ?? pair;
}

/** Where a server span was listening: `server.address`/`server.port`, the old `net.host.*`, or `http.host`. */
export function serverAddress(span: Span): string | undefined {
  const pair = fromPair(span, 'server.address', 'server.port') ?? fromPair(span, 'net.host.name', 'net.host.port');
  if (pair?.includes(':')) return pair;
  const host = span.attributes['http.host'];
  if (typeof host === 'string' && host.includes(':')) {
    const at = host.lastIndexOf(':');
    return normalizeAddress(host.slice(0, at), host.slice(at + 1));
  }
  return fromUrl(span.attributes['url.full']) ?? fromUrl(span.attributes['http.url']) ?? pair;
}

/** Whether a normalized `host:port` is on this machine. */
export const isLoopback = (address: string): boolean => address.startsWith('127.');

/** Whether `address` (`host:port`) is one of `external`: a host, a `host:port`, or a RegExp over `host:port`. */
export function isExternal(address: string, external: readonly (string | RegExp)[]): boolean {
  const host = address.replace(/:\d+$/, '');
  return external.some((entry) => {
    if (entry instanceof RegExp) return entry.test(address);
    const wanted =
      entry.includes(':') && !entry.includes('::') ? normalizeAddress(...splitHostPort(entry)) : normalizeAddress(entry, undefined);
    return wanted === address || wanted === host;
  });
}

function splitHostPort(entry: string): [string, string] {
  const at = entry.lastIndexOf(':');
  return [entry.slice(0, at), entry.slice(at + 1)];
}
