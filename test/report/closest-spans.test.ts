import { describe, expect, it } from 'vitest';
import { closestSpans, describeCandidates } from '../../src/report/closest-spans';
import { defaultEquals } from '../../src/select/default-equals';
import type { SpanSelector } from '../../src/select/span-query';
import { Trace } from '../../src/trace/trace';
import { buildTrace } from '../helpers/build-trace';

// As Zipkin stores it: span and service names lower-cased.
const stored = buildTrace('orders post /orders {"http.response.status_code": 500}\n  orders insert orders {"db.system": "sqlite"}');
const folded = new Trace(stored.spans, { foldsNameCase: true });

const closest = (trace: Trace, selector: SpanSelector): string => describeCandidates(closestSpans(trace, selector, defaultEquals));

describe('closest spans over a store that lower-cases names', () => {
  it('never blames a name that matched regardless of case (object selector)', () => {
    const text = closest(folded, { name: 'POST /orders', service: 'orders', attributes: { 'http.response.status_code': 201 } });
    expect(text).toBe(
      [
        'Closest spans:',
        '  orders  post /orders',
        '      http.response.status_code: expected 201, got 500',
        '  orders  insert orders',
        '      name: expected "POST /orders", got "insert orders"',
        '      http.response.status_code: expected 201, got nothing (absent)',
      ].join('\n'),
    );
    expect(text).not.toContain('got "post /orders"');
  });

  it('never blames a name that matched regardless of case (string selector)', () => {
    const text = closest(folded, 'span[name="POST /orders" http.response.status_code=201]');
    expect(text).toBe(
      [
        'Closest spans:',
        '  orders  post /orders',
        '      http.response.status_code: expected = 201, got 500',
        '  orders  insert orders',
        '      name: expected = "POST /orders", got "insert orders"',
        '      http.response.status_code: expected = 201, got nothing (absent)',
      ].join('\n'),
    );
    expect(text).not.toContain('got "post /orders"');
  });

  it('still names the name over a store that keeps case', () => {
    expect(closest(stored, { name: 'POST /orders' })).toContain(
      '  orders  post /orders\n      name: expected "POST /orders", got "post /orders"',
    );
  });
});

describe('closestSpans', () => {
  const trace = buildTrace('api checkout {"qty": 2, "http.request.header.authorization": "Bearer s3cret", "card.id": "4111"}');

  it('describes asymmetric matchers and RegExps, and redacts secrets', () => {
    const text = closest(trace, {
      name: /^pay/,
      attributes: { qty: expect.stringContaining('2'), 'http.request.header.authorization': 'Bearer other' },
    });
    expect(text).toBe(
      [
        'Closest spans:',
        '  api  checkout',
        '      name: expected /^pay/, got "checkout"',
        '      qty: expected StringContaining "2", got 2',
        '      http.request.header.authorization: expected "Bearer other", got "[redacted]"',
      ].join('\n'),
    );
    const redacted = closestSpans(trace, { attributes: { 'card.id': '0000' } }, defaultEquals, { redact: ['card.id'] });
    expect(redacted.map((c) => c.differences)).toEqual([['card.id: expected "0000", got "[redacted]"']]);
  });

  it('keeps the nearest spans, up to the limit, and none for a selector of several chains', () => {
    const three = buildTrace('api a\n  api b\n  api c');
    expect(closestSpans(three, { name: 'x' }, defaultEquals).map((c) => c.span.name)).toEqual(['a', 'b', 'c']);
    expect(closestSpans(three, { name: 'x' }, defaultEquals, { limit: 2 })).toHaveLength(2);
    expect(closestSpans(three, { name: 'b', service: 'web' }, defaultEquals).map((c) => c.differences.length)).toEqual([1, 2, 2]);
    expect(closestSpans(three, 'span[name="x"], span[name="y"]', defaultEquals)).toEqual([]);
    expect(describeCandidates([])).toBe('');
  });
});
