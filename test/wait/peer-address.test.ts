import { describe, expect, it } from 'vitest';
import { calleeAddress, isExternal, normalizeAddress, serverAddress } from '../../src/wait/peer-address';
import { buildTrace } from '../helpers/build-trace';

const span = (kind: 'client' | 'server', attributes: Record<string, string | number>) =>
  buildTrace([{ service: 's', name: 'GET', kind, attributes }]).spans[0]!;

describe('peer addresses', () => {
  it('reads where a call went from current and old semantic conventions, loopback names made one', () => {
    expect(calleeAddress(span('client', { 'server.address': 'localhost', 'server.port': 4001 }))).toBe('127.0.0.1:4001');
    expect(calleeAddress(span('client', { 'url.full': 'http://[::1]:4002/x' }))).toBe('127.0.0.1:4002');
    expect(calleeAddress(span('client', { 'net.peer.name': 'inventory', 'net.peer.port': 80 }))).toBe('inventory:80');
    expect(calleeAddress(span('client', { 'http.url': 'https://api.example.com/pay' }))).toBe('api.example.com:443');
    expect(calleeAddress(span('client', { 'server.address': 'api.example.com', 'url.full': 'https://api.example.com:8443/' }))).toBe(
      'api.example.com:8443',
    );
  });

  it('reads where a server listened', () => {
    expect(serverAddress(span('server', { 'server.address': '127.0.0.1', 'server.port': 4001 }))).toBe('127.0.0.1:4001');
    expect(serverAddress(span('server', { 'net.host.name': 'localhost', 'net.host.port': 4001 }))).toBe('127.0.0.1:4001');
    expect(serverAddress(span('server', { 'http.host': 'localhost:4003' }))).toBe('127.0.0.1:4003');
  });

  it('matches external entries by host, host:port or RegExp', () => {
    const address = normalizeAddress('api.example.com', 443);
    expect(isExternal(address, ['api.example.com'])).toBe(true);
    expect(isExternal(address, ['api.example.com:443'])).toBe(true);
    expect(isExternal(address, ['api.example.com:80'])).toBe(false);
    expect(isExternal(address, [/example\.com/])).toBe(true);
    expect(isExternal('127.0.0.1:4001', ['localhost:4001'])).toBe(true);
    expect(isExternal('127.0.0.1:4001', ['other'])).toBe(false);
  });
});
