import { toHaveChildSpan } from './to-have-child-span';
import { toHaveErrors } from './to-have-errors';
import { toHaveSpan } from './to-have-span';
import { toHaveSpanBefore } from './to-have-span-before';
import { toHaveSpanCount } from './to-have-span-count';
import { toMatchTraceShape } from './to-match-trace-shape';

export { toHaveChildSpan, toHaveErrors, toHaveSpan, toHaveSpanBefore, toHaveSpanCount, toMatchTraceShape };
export type { TraceAssertionResult, TraceMatchers } from './trace-matchers';
export type { SpanCountOptions } from './support/span-count-options';
export type { MatcherContext, MatcherResult } from './support/matcher-context';

/** Every traceproof matcher, for `expect.extend(traceMatchers)`. */
export const traceMatchers = {
  toHaveSpan,
  toHaveSpanCount,
  toHaveErrors,
  toHaveChildSpan,
  toHaveSpanBefore,
  toMatchTraceShape,
};
