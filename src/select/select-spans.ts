import type { Span } from '../trace/span';
import type { SpanTree } from '../trace/span-tree';
import { assertSpanQuery } from './assert-span-query';
import { evaluateSelector } from './evaluate-selector';
import { parseSelectorCached } from './parse-selector-cached';
import { spanMatchesQuery } from './span-matches-query';
import type { Equals, SpanSelector } from './span-query';

/**
 * The spans of `trace` a selector matches, in the trace's depth-first order (siblings by start
 * time), each once. A string is a Tracetest-compatible selector; an object is a {@link SpanQuery}
 * whose values are compared with `equals` (matchers pass the runner's `this.equals`).
 * @example selectSpans(trace, 'span[service.name="api"] span[db.system="postgresql"]:first')
 * @example selectSpans(trace, { service: 'api', name: /^GET /, attributes: { 'http.response.status_code': 200 } })
 */
export function selectSpans(trace: SpanTree, selector: SpanSelector, equals?: Equals): Span[] {
  if (typeof selector === 'string') return evaluateSelector(trace, parseSelectorCached(selector));
  assertSpanQuery(selector);
  return trace.depthFirst().filter((span) => spanMatchesQuery(trace, span, selector, equals));
}
