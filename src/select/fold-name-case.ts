import type { AttributeFilter } from './selector-ast';

/** The selector fields that hold a span or service name, which some stores lower-case. */
export const NAME_FIELDS: ReadonlySet<string> = new Set(['name', 'service.name', 'tracetest.span.name']);

/** An expected name as a case-folding store would hold it: strings lower-cased, RegExps made case-insensitive. */
export function foldExpectedName(expected: unknown): unknown {
  if (typeof expected === 'string') return expected.toLowerCase();
  if (expected instanceof RegExp && !expected.flags.includes('i')) return new RegExp(expected.source, `${expected.flags}i`);
  return expected;
}

/** A string-selector filter on a name field, adjusted the same way. */
export function foldNameFilter(filter: AttributeFilter): AttributeFilter {
  if (!NAME_FIELDS.has(filter.attribute)) return filter;
  return {
    ...filter,
    value: typeof filter.value === 'string' ? filter.value.toLowerCase() : filter.value,
    ...(filter.pattern ? { pattern: foldExpectedName(filter.pattern) as RegExp } : {}),
  };
}

/**
 * A span's name as it is compared over a case-folding store: lower-cased too, so spans that kept
 * their case (in-process spans beside Zipkin's) still match a name as written.
 */
export function foldActualName(actual: unknown): unknown {
  return typeof actual === 'string' ? actual.toLowerCase() : actual;
}
