import { explainMismatch } from '../select/explain-mismatch';
import type { SpanDifference } from '../select/span-difference';
import type { Equals, SpanSelector } from '../select/span-query';
import type { AttributeValue, Span } from '../trace/span';
import type { SpanTree } from '../trace/span-tree';
import { isAsymmetricMatcher, type AsymmetricMatcherLike } from '../util/is-asymmetric-matcher';
import { formatValue } from './format-value';
import { redactValue } from './redact';

export interface Candidate {
  readonly span: Span;
  /** What differs from the selector, e.g. `name: expected "charge", got "charge-card"`. */
  readonly differences: readonly string[];
}

type Redact = readonly (string | RegExp)[];

/**
 * The spans nearest to matching a selector, fewest differences first, each with what differs:
 * the answer to "which span did I mean, and why did it not match?". Compares the span's own
 * fields (the last step of a string selector); parent and ancestor conditions are not scored.
 */
export function closestSpans(
  trace: SpanTree,
  selector: SpanSelector,
  equals: Equals,
  options: { limit?: number; redact?: Redact } = {},
): Candidate[] {
  const redact = options.redact ?? [];
  const scored: Candidate[] = [];
  for (const span of trace.spans) {
    const differences = explainMismatch(trace, span, selector, equals);
    if (!differences) return [];
    if (differences.length > 0) scored.push({ span, differences: differences.map((d) => describeDifference(d, redact)) });
  }
  scored.sort((a, b) => a.differences.length - b.differences.length);
  const best = scored[0]?.differences.length ?? 0;
  return scored.filter((c) => c.differences.length <= best + 1).slice(0, options.limit ?? 3);
}

export function describeCandidates(candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return '';
  return [
    'Closest spans:',
    ...candidates.map((c) => `  ${c.span.service}  ${c.span.name}\n${c.differences.map((d) => `      ${d}`).join('\n')}`),
  ].join('\n');
}

function describeDifference(difference: SpanDifference, redact: Redact): string {
  const { field, actual } = difference;
  const expected =
    difference.source === 'filter'
      ? `${difference.expected.operator} ${formatValue(difference.expected.value as AttributeValue)}`
      : difference.expected === undefined
        ? 'absent'
        : describeExpected(difference.expected);
  const got = actual === undefined ? 'nothing (absent)' : formatValue(redactValue(field, actual as AttributeValue, redact));
  return `${field}: expected ${expected}, got ${got}`;
}

function describeExpected(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (isAsymmetricMatcher(value)) return describeAsymmetric(value);
  return formatValue(value as AttributeValue);
}

/** `StringContaining "qty"` in both runners (Jest has toAsymmetricMatcher, Vitest only toString and sample). */
function describeAsymmetric(matcher: AsymmetricMatcherLike): string {
  if (typeof matcher.toAsymmetricMatcher === 'function') return matcher.toAsymmetricMatcher();
  const name = String(matcher);
  if (matcher.sample === undefined) return name;
  return `${name} ${matcher.sample instanceof RegExp ? String(matcher.sample) : formatValue(matcher.sample as AttributeValue)}`;
}
