import { describe, expect, it } from 'vitest';
import { explainMismatch } from '../../src/select/explain-mismatch';
import { selectSpans } from '../../src/select/select-spans';
import type { SpanSelector } from '../../src/select/span-query';
import type { Span } from '../../src/trace/span';
import { Trace } from '../../src/trace/trace';
import { buildTrace } from '../helpers/build-trace';

// As Zipkin stores it: span and service names lower-cased.
const stored = buildTrace('orders post /orders {"http.response.status_code": 500}\n  orders insert orders {"db.system": "sqlite"}');
const folded = new Trace(stored.spans, { foldsNameCase: true });
const [post, insert] = folded.depthFirst() as readonly [Span, Span];

describe('explainMismatch over a store that lower-cases names', () => {
  it('lists only the attribute when the name matches regardless of case (object selector)', () => {
    const selector = { name: 'POST /orders', service: 'Orders', attributes: { 'http.response.status_code': 201 } };
    expect(explainMismatch(folded, post, selector)).toEqual([
      { source: 'query', field: 'http.response.status_code', expected: 201, actual: 500 },
    ]);
  });

  it('lists only the attribute when the name matches regardless of case (string selector)', () => {
    expect(explainMismatch(folded, post, 'span[name="POST /orders" http.response.status_code=201]')).toEqual([
      {
        source: 'filter',
        field: 'http.response.status_code',
        expected: { attribute: 'http.response.status_code', operator: '=', value: 201 },
        actual: 500,
      },
    ]);
  });

  it('reports a name that differs as written, not as folded', () => {
    expect(explainMismatch(folded, post, { name: 'GET /orders' })).toEqual([
      { source: 'query', field: 'name', expected: 'GET /orders', actual: 'post /orders' },
    ]);
    expect(explainMismatch(folded, post, 'span[name="GET /orders"]')).toEqual([
      { source: 'filter', field: 'name', expected: { attribute: 'name', operator: '=', value: 'GET /orders' }, actual: 'post /orders' },
    ]);
  });

  it('lists the name over a store that keeps case, where it does differ', () => {
    expect(explainMismatch(stored, post, { name: 'POST /orders' })).toEqual([
      { source: 'query', field: 'name', expected: 'POST /orders', actual: 'post /orders' },
    ]);
    expect(explainMismatch(stored, post, 'span[name="POST /orders"]')?.map((d) => d.field)).toEqual(['name']);
  });
});

describe('explainMismatch', () => {
  it('is empty for a span whose own fields all match', () => {
    expect(explainMismatch(folded, post, { name: /^POST/, kind: 'unspecified', status: 'unset' })).toEqual([]);
    expect(explainMismatch(folded, insert, 'span[service.name="Orders" db.system="sqlite"]')).toEqual([]);
  });

  it('names an attribute that must be absent, and one that is missing', () => {
    expect(explainMismatch(folded, insert, { attributes: { 'db.system': undefined, 'db.name': 'shop' } })).toEqual([
      { source: 'query', field: 'db.system', expected: undefined, actual: 'sqlite' },
      { source: 'query', field: 'db.name', expected: 'shop', actual: undefined },
    ]);
  });

  it('explains the last step of one chain, and no selector of several chains', () => {
    expect(
      explainMismatch(folded, insert, 'span[name="POST /orders"] span[name="INSERT orders" db.system="mysql"]')?.map((d) => d.field),
    ).toEqual(['db.system']);
    expect(explainMismatch(folded, insert, 'span[name="a"], span[name="b"]')).toBeUndefined();
    expect(explainMismatch(folded, insert, '')).toBeUndefined();
  });

  it('agrees with selecting: no difference exactly when a one-step selector selects the span', () => {
    const selectors: SpanSelector[] = [
      { name: 'POST /orders' },
      { service: 'ORDERS', name: /insert/ },
      { name: expect.stringMatching(/^post/) },
      { attributes: { 'http.response.status_code': 500 } },
      { attributes: { 'db.system': undefined } },
      'span[name="POST /orders"]',
      'span[service.name="Orders" name contains "INSERT"]',
      'span[name =~ "^insert"]',
      'span[name != "post /orders"]',
      'span[http.response.status_code >= 500]',
    ];
    for (const trace of [stored, folded]) {
      for (const selector of selectors) {
        const selected = selectSpans(trace, selector);
        for (const span of trace.spans) {
          expect(explainMismatch(trace, span, selector)?.length === 0, `${JSON.stringify(selector)} on ${span.name}`).toBe(
            selected.includes(span),
          );
        }
      }
    }
  });
});
