import { isAsymmetricMatcher } from '../util/is-asymmetric-matcher';
import { isPlainObject } from '../util/is-plain-object';

/**
 * The equality used when no runner's `equals` is passed: asymmetric matchers match, everything
 * else compares structurally (arrays, plain objects, `Uint8Array`; numbers by value, `NaN` equal
 * to `NaN`, `0` equal to `-0`). Object keys whose value is `undefined` count as absent.
 */
export function defaultEquals(actual: unknown, expected: unknown): boolean {
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual);
  if (actual === expected) return true;
  if (typeof actual === 'number' && typeof expected === 'number') return Number.isNaN(actual) && Number.isNaN(expected);
  if (!isObject(actual) || !isObject(expected)) return false;
  if (actual instanceof Uint8Array || expected instanceof Uint8Array) {
    return (
      actual instanceof Uint8Array &&
      expected instanceof Uint8Array &&
      actual.length === expected.length &&
      actual.every((byte, i) => byte === expected[i])
    );
  }
  if (Array.isArray(actual) || Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      Array.isArray(expected) &&
      actual.length === expected.length &&
      actual.every((item, i) => defaultEquals(item, expected[i]))
    );
  }
  if (!isPlainObject(actual) || !isPlainObject(expected)) return false;
  const actualKeys = definedKeys(actual);
  const expectedKeys = definedKeys(expected);
  return (
    actualKeys.length === expectedKeys.length &&
    expectedKeys.every((key) => Object.hasOwn(actual, key) && defaultEquals(actual[key], expected[key]))
  );
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}
