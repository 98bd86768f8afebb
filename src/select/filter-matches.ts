import { compareNumbers, toLooseNumber } from './loose-number';
import type { AttributeFilter, SelectorLiteral } from './selector-ast';

/**
 * Whether a span's value satisfies one `span[...]` filter. Comparison is loose, as in Tracetest:
 * `"200"` equals `200`, ordering operators compare numerically, `contains` compares text. An
 * absent value satisfies only `!=` and `not-contains`.
 */
export function filterMatches(actual: unknown, filter: AttributeFilter): boolean {
  const { operator, value } = filter;
  if (actual === undefined) return operator === '!=' || operator === 'not-contains';
  switch (operator) {
    case '=':
      return looselyEqual(actual, value);
    case '!=':
      return !looselyEqual(actual, value);
    case 'contains':
      return asText(actual).includes(asText(value));
    case 'not-contains':
      return !asText(actual).includes(asText(value));
    case '=~':
      return filter.pattern?.test(asText(actual)) === true;
    default: {
      const a = toLooseNumber(actual);
      const e = toLooseNumber(value);
      if (a === undefined || e === undefined) return false;
      const order = compareNumbers(a, e);
      if (operator === '<') return order < 0;
      if (operator === '>') return order > 0;
      if (operator === '<=') return order <= 0;
      return order >= 0;
    }
  }
}

function looselyEqual(actual: unknown, expected: SelectorLiteral): boolean {
  if (typeof expected === 'string') return asText(actual) === expected;
  if (typeof expected === 'boolean') return actual === expected || asText(actual) === String(expected);
  const a = toLooseNumber(actual);
  return a !== undefined && compareNumbers(a, expected) === 0;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return toBase64(value);
  if (value !== null && typeof value === 'object') {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? toBase64(v) : typeof v === 'bigint' ? v.toString() : v));
  }
  return String(value);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
