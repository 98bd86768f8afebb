import type { SpanSelector } from '../../src/select/span-query';
import type { MatcherContext } from './matcher-context';

/** A selector as the failure message shows it, coloured as the expected side. */
export function describeSelector(context: MatcherContext, selector: SpanSelector): string {
  return typeof selector === 'string'
    ? context.utils.EXPECTED_COLOR(selector === '' ? 'span[] (every span)' : selector)
    : context.utils.printExpected(selector);
}
