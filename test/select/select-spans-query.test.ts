import { describe, expect, it } from 'vitest';
import { TraceproofError } from '../../src/errors';
import { selectSpans } from '../../src/select/select-spans';
import type { Equals, SpanQuery } from '../../src/select/span-query';
import { buildTrace } from '../helpers/build-trace';
import { spanNames } from '../helpers/span-names';

const trace = buildTrace([
  {
    name: 'GET /orders/:id',
    service: 'api',
    kind: 'server',
    attributes: { 'http.request.method': 'GET', 'http.response.status_code': 200, 'http.route': '/orders/:id' },
    resource: { 'service.name': 'api', 'service.version': '1.2.0' },
    children: [
      {
        name: 'SELECT orders',
        service: 'api',
        kind: 'client',
        attributes: { 'db.system.name': 'postgresql', 'db.response.returned_rows': 3, tags: ['a', 'b'] },
        resource: { 'service.name': 'api', 'service.version': '1.2.0' },
      },
      {
        name: 'POST /charge',
        service: 'api',
        kind: 'client',
        status: 'error',
        attributes: { 'http.request.method': 'POST', 'error.type': 'timeout' },
        resource: { 'service.name': 'api', 'service.version': '1.2.0' },
        children: [
          {
            name: 'charge',
            service: 'payments',
            kind: 'server',
            status: 'error',
            attributes: { 'payment.amount': 40, 'payment.id': new Uint8Array([1, 2, 3]) },
            children: [{ name: 'INSERT payment', service: 'payments', kind: 'client', attributes: { 'db.system.name': 'sqlite' } }],
          },
        ],
      },
    ],
  },
]);
const sel = (query: SpanQuery, equals?: Equals): string[] => spanNames(selectSpans(trace, query, equals));

describe('selectSpans with a SpanQuery', () => {
  it('selects every span for an empty query', () => {
    expect(sel({})).toEqual(['GET /orders/:id', 'SELECT orders', 'POST /charge', 'charge', 'INSERT payment']);
  });

  it('compares service, name, kind and status literally', () => {
    expect(sel({ service: 'payments' })).toEqual(['charge', 'INSERT payment']);
    expect(sel({ name: 'charge' })).toEqual(['charge']);
    expect(sel({ kind: 'client' })).toEqual(['SELECT orders', 'POST /charge', 'INSERT payment']);
    expect(sel({ status: 'error' })).toEqual(['POST /charge', 'charge']);
    expect(sel({ service: 'api', kind: 'server', status: 'unset' })).toEqual(['GET /orders/:id']);
  });

  it('tests a RegExp against strings and against the text of other values', () => {
    expect(sel({ name: /^(GET|POST) / })).toEqual(['GET /orders/:id', 'POST /charge']);
    expect(sel({ attributes: { 'http.response.status_code': /^2\d\d$/ } })).toEqual(['GET /orders/:id']);
    expect(sel({ attributes: { 'db.response.returned_rows': /^3$/ } })).toEqual(['SELECT orders']);
  });

  it('tests a global RegExp from the start for every span', () => {
    expect(sel({ service: /api/g })).toEqual(['GET /orders/:id', 'SELECT orders', 'POST /charge']);
  });

  it('accepts asymmetric matchers', () => {
    expect(sel({ name: expect.stringMatching(/^INSERT/) })).toEqual(['INSERT payment']);
    expect(sel({ attributes: { 'payment.amount': expect.any(Number) } })).toEqual(['charge']);
    expect(sel({ attributes: { 'error.type': expect.anything() } })).toEqual(['POST /charge']);
    expect(sel({ attributes: { tags: expect.arrayContaining(['b']) } })).toEqual(['SELECT orders']);
  });

  it('compares attribute values structurally by default', () => {
    expect(sel({ attributes: { tags: ['a', 'b'] } })).toEqual(['SELECT orders']);
    expect(sel({ attributes: { tags: ['a'] } })).toEqual([]);
    expect(sel({ attributes: { 'payment.id': new Uint8Array([1, 2, 3]) } })).toEqual(['charge']);
    expect(sel({ attributes: { 'http.response.status_code': '200' } })).toEqual([]);
  });

  it('falls back to resource attributes', () => {
    expect(sel({ attributes: { 'service.version': '1.2.0' } })).toEqual(['GET /orders/:id', 'SELECT orders', 'POST /charge']);
    expect(sel({ attributes: { 'service.name': 'payments' } })).toEqual(['charge', 'INSERT payment']);
  });

  it('treats an expected undefined as “attribute absent”', () => {
    expect(sel({ attributes: { 'db.system.name': undefined } })).toEqual(['GET /orders/:id', 'POST /charge', 'charge']);
    expect(sel({ attributes: { 'service.version': undefined } })).toEqual(['charge', 'INSERT payment']);
  });

  it('ignores top-level fields set to undefined', () => {
    expect(sel({ service: 'payments', name: undefined, parent: undefined })).toEqual(['charge', 'INSERT payment']);
  });

  it('matches the direct parent with parent', () => {
    expect(sel({ parent: { name: 'POST /charge' } })).toEqual(['charge']);
    expect(sel({ parent: { service: 'api' } })).toEqual(['SELECT orders', 'POST /charge', 'charge']);
    expect(sel({ kind: 'server', parent: { status: 'error' } })).toEqual(['charge']);
  });

  it('matches any ancestor with ancestor', () => {
    expect(sel({ ancestor: { name: 'POST /charge' } })).toEqual(['charge', 'INSERT payment']);
    expect(sel({ attributes: { 'db.system.name': /./ }, ancestor: { service: 'payments' } })).toEqual(['INSERT payment']);
    expect(sel({ ancestor: { ancestor: { kind: 'server' } } })).toEqual(['charge', 'INSERT payment']);
  });

  it('matches some direct child with child', () => {
    expect(sel({ child: { service: 'payments' } })).toEqual(['POST /charge', 'charge']);
    expect(sel({ child: { attributes: { 'db.system.name': 'sqlite' } } })).toEqual(['charge']);
    expect(sel({ child: { child: { name: 'INSERT payment' } } })).toEqual(['POST /charge']);
  });

  it('compares through the given equals, but tests a RegExp itself', () => {
    const seen: unknown[] = [];
    const caseInsensitive: Equals = (actual, expected) => {
      seen.push(expected);
      return typeof actual === 'string' && typeof expected === 'string' && actual.toLowerCase() === expected.toLowerCase();
    };
    expect(sel({ service: 'PAYMENTS', name: /^charge$/ }, caseInsensitive)).toEqual(['charge']);
    expect(seen.every((value) => value === 'PAYMENTS')).toBe(true);
  });

  it('works with the runner’s own equals and custom testers, as matchers pass them', () => {
    const moneyTester = (a: unknown, b: unknown): boolean | undefined =>
      typeof a === 'number' && typeof b === 'string' && b.startsWith('$') ? a === Number(b.slice(1)) : undefined;
    expect.addEqualityTesters([moneyTester]);
    expect.extend({
      toSelectSpans(received: SpanQuery, expected: string[]) {
        const equals: Equals = (a, b) => this.equals(a, b, this.customTesters);
        const actual = spanNames(selectSpans(trace, received, equals));
        return { pass: this.equals(actual, expected), message: () => `selected ${actual.join(', ')}`, actual, expected };
      },
    });
    const expectSelect = expect as unknown as (q: SpanQuery) => { toSelectSpans(names: string[]): void };
    expectSelect({ attributes: { 'payment.amount': '$40' } }).toSelectSpans(['charge']);
    expectSelect({ attributes: { 'http.response.status_code': expect.any(Number) } }).toSelectSpans(['GET /orders/:id']);
  });
});

describe('SpanQuery validation', () => {
  it('names an unknown key and lists the valid ones', () => {
    expect(() => selectSpans(trace, { serivce: 'api' } as SpanQuery)).toThrow(
      new TraceproofError(
        'Unknown key `serivce` in span query. Valid keys: service, name, kind, status, attributes, parent, ancestor, child.',
      ),
    );
  });

  it('finds unknown keys in nested queries', () => {
    expect(() => selectSpans(trace, { parent: { child: { nmae: 'x' } } } as SpanQuery)).toThrow(
      'Unknown key `nmae` in `child` of `parent` of span query.',
    );
  });

  it('rejects what is not a query object', () => {
    expect(() => selectSpans(trace, null as unknown as SpanQuery)).toThrow(
      "[traceproof] A span query must be a selector string or an object like { service: 'api', name: /^GET / }, received null.",
    );
    expect(() => selectSpans(trace, /GET/ as unknown as SpanQuery)).toThrow('received the RegExp /GET/.');
    expect(() => selectSpans(trace, { attributes: ['x'] } as unknown as SpanQuery)).toThrow(
      '`attributes` in span query must be an object of attribute keys to expected values, received an array.',
    );
    expect(() => selectSpans(trace, { parent: 'span[]' } as unknown as SpanQuery)).toThrow(
      'A `parent` of span query must be a selector string or an object',
    );
  });
});
