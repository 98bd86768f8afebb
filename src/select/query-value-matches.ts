import { defaultEquals } from './default-equals';
import type { Equals } from './span-query';

/**
 * Whether an actual value satisfies one {@link SpanQuery} value: a RegExp is tested against the
 * text (runners' `equals` would compare two RegExps instead), anything else goes to `equals`.
 */
export function queryValueMatches(actual: unknown, expected: unknown, equals: Equals = defaultEquals): boolean {
  if (expected instanceof RegExp) {
    if (actual === undefined) return false;
    // A global or sticky RegExp remembers where it stopped; every span must be tested from the start.
    expected.lastIndex = 0;
    return expected.test(typeof actual === 'string' ? actual : String(actual));
  }
  return equals(actual, expected);
}
