import type { AttributeValue } from '../trace/span';

/** A short, single-line rendering of an attribute value for trace trees and candidate lists. */
export function formatValue(value: AttributeValue | undefined, max = 80): string {
  const text =
    value === undefined
      ? 'undefined'
      : value instanceof Uint8Array
        ? `<${value.length} bytes>`
        : typeof value === 'string'
          ? JSON.stringify(value)
          : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
