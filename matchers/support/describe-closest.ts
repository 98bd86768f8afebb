import { getConfig } from '../../src/config';
import { closestSpans, describeCandidates } from '../../src/report/closest-spans';
import type { Equals, SpanSelector } from '../../src/select/span-query';
import type { Trace } from '../../src/trace/trace';

/**
 * Message lines for a selector that matched no span: the spans nearest to matching it and what
 * differs, titled with which selector it was (`parent`, `first`, …), so a typo in a service or
 * span name shows next to the span that was meant. Empty when nothing is close enough to say.
 */
export function describeClosest(trace: Trace, selector: SpanSelector, equals: Equals, which?: string): string[] {
  const candidates = describeCandidates(closestSpans(trace, selector, equals, { redact: getConfig().redact }));
  if (!candidates) return [];
  return ['', which === undefined ? candidates : candidates.replace(/^Closest spans:/, `Closest spans to the ${which} selector:`)];
}
