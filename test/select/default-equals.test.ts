import { describe, expect, it } from 'vitest';
import { defaultEquals } from '../../src/select/default-equals';

describe('defaultEquals', () => {
  it('delegates to asymmetric matchers', () => {
    expect(defaultEquals(200, expect.any(Number))).toBe(true);
    expect(defaultEquals('200', expect.any(Number))).toBe(false);
    expect(defaultEquals('GET /x', expect.stringMatching(/^GET/))).toBe(true);
    expect(defaultEquals(undefined, expect.anything())).toBe(false);
    expect(defaultEquals({ a: 1, b: 2 }, expect.objectContaining({ a: 1 }))).toBe(true);
  });

  it('applies asymmetric matchers nested in arrays and objects', () => {
    expect(defaultEquals(['a', 3], ['a', expect.any(Number)])).toBe(true);
    expect(defaultEquals({ k: 'v' }, { k: expect.stringMatching('v') })).toBe(true);
  });

  it('compares primitives by value, NaN equal to NaN and 0 to -0', () => {
    expect(defaultEquals('a', 'a')).toBe(true);
    expect(defaultEquals('1', 1)).toBe(false);
    expect(defaultEquals(Number.NaN, Number.NaN)).toBe(true);
    expect(defaultEquals(0, -0)).toBe(true);
    expect(defaultEquals(10n, 10n)).toBe(true);
    expect(defaultEquals(10n, 10)).toBe(false);
    expect(defaultEquals(true, true)).toBe(true);
    expect(defaultEquals(null, undefined)).toBe(false);
  });

  it('compares arrays, plain objects and Uint8Arrays structurally', () => {
    expect(defaultEquals([1, [2, 3]], [1, [2, 3]])).toBe(true);
    expect(defaultEquals([1, 2], [1, 2, 3])).toBe(false);
    expect(defaultEquals({ a: { b: [1] } }, { a: { b: [1] } })).toBe(true);
    expect(defaultEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(defaultEquals({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(defaultEquals(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(defaultEquals(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(defaultEquals(new Uint8Array([1, 2]), [1, 2])).toBe(false);
    expect(defaultEquals([1], { 0: 1 })).toBe(false);
  });
});
