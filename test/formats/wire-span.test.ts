import { describe, expect, it } from 'vitest';
import { spanFromWire, spanToWire } from '../../src/formats/wire-span';
import { createSpan } from '../../src/trace/span';

const span = createSpan({
  traceId: 'abcdef0123456789abcdef0123456789',
  spanId: '0123456789abcdef',
  name: 'wire',
  attributes: {
    nan: NaN,
    negInf: -Infinity,
    bytes: new Uint8Array([255, 0]),
    tagLike: { $bytes: 'AAEC', $kvlist: 'user' },
    ['__proto__']: 'own',
    nested: [[1], { a: [new Uint8Array([9])] }],
  },
  events: [{ name: 'e', timeUnixNano: 5n, attributes: {} }],
  startTimeUnixNano: 9007199254740993n,
  endTimeUnixNano: 9007199254740995n,
});

describe('wire spans', () => {
  it('survive JSON unchanged', () => {
    const back = spanFromWire(JSON.parse(JSON.stringify(spanToWire(span))));
    expect(back).toEqual(span);
    expect(back.startTimeUnixNano).toBe(9007199254740993n);
    expect(back.attributes.tagLike).toEqual({ $bytes: 'AAEC', $kvlist: 'user' });
    expect(Object.getPrototypeOf(back.attributes)).toBe(Object.prototype);
    expect(Object.keys(back.attributes)).toContain('__proto__');
  });

  it('tag what JSON cannot hold', () => {
    const wire = spanToWire(span);
    expect(wire.attributes.nan).toEqual({ $double: 'NaN' });
    expect(wire.attributes.bytes).toEqual({ $bytes: '/wA=' });
    expect(wire.attributes.tagLike).toEqual({ $kvlist: { $bytes: 'AAEC', $kvlist: 'user' } });
    expect(wire.startTimeUnixNano).toBe('9007199254740993');
  });

  it.each([
    [{ ...spanToWire(span), traceId: 'ABC' }, 'span.traceId: expected an id in lower-case hex'],
    [{ ...spanToWire(span), kind: 'weird' }, 'span.kind: expected one of unspecified, internal'],
    [{ ...spanToWire(span), endTimeUnixNano: 12 }, 'span.endTimeUnixNano: expected nanoseconds as a decimal string'],
    [{ ...spanToWire(span), attributes: { x: { other: 1 } } }, 'span.attributes["x"]: expected a JSON value or a {$bytes}'],
    [{ ...spanToWire(span), events: {} }, 'span.events: expected an array'],
    [null, 'span: expected an object'],
  ])('name the bad field of a wire span that is not one', (wire, message) => {
    expect(() => spanFromWire(wire)).toThrow(message);
  });
});
