import { describe, expect, it } from 'vitest';
import { httpRequestOfSpan, matchHttpRequest } from '../../src/diagnose/http-request-of-span';
import { createSpan, type Attributes } from '../../src/trace/span';

const span = (name: string, attributes: Attributes = {}) =>
  createSpan({
    traceId: 'a'.repeat(32),
    spanId: '1'.repeat(16),
    name,
    kind: 'server',
    attributes,
    startTimeUnixNano: 1n,
    endTimeUnixNano: 2n,
  });

const matches = (name: string, attributes: Attributes, method: string | undefined, path: string): 'path' | 'route' | undefined =>
  matchHttpRequest(httpRequestOfSpan(span(name, attributes)), method, path);

describe('matchHttpRequest', () => {
  it.each<[string, Attributes, string, 'path' | 'route']>([
    ['url.path', { 'url.path': '/orders/7' }, '/orders/7', 'path'],
    ['http.target without its query', { 'http.target': '/orders/7?x=1' }, '/orders/7', 'path'],
    ['url.full', { 'url.full': 'http://shop:8080/orders/7' }, '/orders/7', 'path'],
    ['http.url', { 'http.url': 'http://shop:8080/orders/7/' }, '/orders/7', 'path'],
    ['an Express route', { 'http.route': '/orders/:id' }, '/orders/7', 'route'],
    ['an OpenAPI route', { 'http.route': '/orders/{id}/items' }, '/orders/7/items', 'route'],
  ])('matches by %s', (_what, attributes, path, by) => {
    expect(matches('handler', attributes, 'GET', path)).toBe(by);
  });

  it('matches by a span name of method and route, regardless of case (Zipkin lower-cases names)', () => {
    expect(matches('GET /orders/:id', {}, 'GET', '/orders/7')).toBe('route');
    expect(matches('get /orders', {}, 'GET', '/Orders')).toBe('route');
  });

  it('does not match another method, another path, or a span that tells neither', () => {
    expect(matches('POST /orders', { 'http.request.method': 'POST' }, 'GET', '/orders')).toBeUndefined();
    expect(matches('handler', { 'http.method': 'GET', 'url.path': '/orders/8' }, 'GET', '/orders/7')).toBeUndefined();
    expect(matches('handler', { 'http.route': '/orders/:id' }, 'GET', '/orders/7/items')).toBeUndefined();
    expect(matches('handler', {}, 'GET', '/orders')).toBeUndefined();
  });
});
