const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const INTEGER_TEXT = /^\s*[-+]?\d+\s*$/;

/**
 * A value as a number the way Tracetest compares loosely: numbers, bigints and numeric strings
 * (`"200"`) count; anything else is `undefined`. Large integer strings become bigint, so
 * nanosecond timestamps compare exactly.
 */
export function toLooseNumber(value: unknown): number | bigint | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'string' || !NUMERIC_TEXT.test(value)) return undefined;
  const n = Number(value);
  return INTEGER_TEXT.test(value) && !Number.isSafeInteger(n) ? BigInt(value.trim()) : n;
}

/** Negative, zero or positive as `a` is below, equal to or above `b`; exact across bigint and number. */
export function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const [big, small, sign] = typeof a === 'bigint' ? [a, b as number, 1] : [b as bigint, a, -1];
  if (!Number.isInteger(small)) return sign * (Number(big) - small);
  const s = BigInt(small);
  return sign * (big < s ? -1 : big > s ? 1 : 0);
}
