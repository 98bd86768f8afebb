import { attributeOrResource } from '../select/attribute-or-resource';
import { filterMatches } from '../select/filter-matches';
import { parseSelectorCached } from '../select/parse-selector-cached';
import { queryValueMatches } from '../select/query-value-matches';
import { resolveSelectorField } from '../select/resolve-selector-field';
import type { AttributeFilter } from '../select/selector-ast';
import type { Equals, SpanQuery, SpanSelector } from '../select/span-query';
import type { AttributeValue, Span } from '../trace/span';
import type { Trace } from '../trace/trace';
import { formatValue } from './format-value';
import { redactValue } from './redact';

export interface Candidate {
  readonly span: Span;
  /** What differs from the selector, e.g. `name: expected "charge", got "charge-card"`. */
  readonly differences: readonly string[];
}

type Redact = readonly (string | RegExp)[];

interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
  toAsymmetricMatcher?(): string;
  sample?: unknown;
}

const isAsymmetric = (value: unknown): value is AsymmetricMatcherLike =>
  typeof value === 'object' && value !== null && typeof (value as AsymmetricMatcherLike).asymmetricMatch === 'function';

/** `StringContaining "qty"` in both runners (Jest has toAsymmetricMatcher, Vitest only toString and sample). */
function describeAsymmetric(matcher: AsymmetricMatcherLike): string {
  if (typeof matcher.toAsymmetricMatcher === 'function') return matcher.toAsymmetricMatcher();
  const name = String(matcher);
  if (matcher.sample === undefined) return name;
  return `${name} ${matcher.sample instanceof RegExp ? String(matcher.sample) : formatValue(matcher.sample as AttributeValue)}`;
}

const describeExpected = (value: unknown): string =>
  value instanceof RegExp ? String(value) : isAsymmetric(value) ? describeAsymmetric(value) : formatValue(value as AttributeValue);
const describeActual = (key: string, value: unknown, redact: Redact): string =>
  value === undefined ? 'nothing (absent)' : formatValue(redactValue(key, value as AttributeValue, redact));

function queryDifferences(span: Span, query: SpanQuery, equals: Equals, redact: Redact): string[] {
  const out: string[] = [];
  const fields: [string, unknown, unknown][] = [
    ['service', span.service, query.service],
    ['name', span.name, query.name],
    ['kind', span.kind, query.kind],
    ['status', span.status.code, query.status],
  ];
  for (const [label, actual, expected] of fields) {
    if (expected !== undefined && !queryValueMatches(actual, expected, equals)) {
      out.push(`${label}: expected ${describeExpected(expected)}, got ${describeActual(label, actual, redact)}`);
    }
  }
  for (const [key, expected] of Object.entries(query.attributes ?? {})) {
    const actual = attributeOrResource(span, key);
    if (expected === undefined ? actual !== undefined : actual === undefined || !queryValueMatches(actual, expected, equals)) {
      out.push(`${key}: expected ${expected === undefined ? 'absent' : describeExpected(expected)}, got ${describeActual(key, actual, redact)}`);
    }
  }
  return out;
}

function filterDifferences(span: Span, filters: readonly AttributeFilter[], redact: Redact): string[] {
  return filters
    .filter((filter) => !filterMatches(resolveSelectorField(span, filter.attribute), filter))
    .map(
      (filter) =>
        `${filter.attribute}: expected ${filter.operator} ${formatValue(filter.value as AttributeValue)}, got ${describeActual(filter.attribute, resolveSelectorField(span, filter.attribute), redact)}`,
    );
}

function differencesOf(selector: SpanSelector, equals: Equals, redact: Redact): ((span: Span) => string[]) | undefined {
  if (typeof selector !== 'string') return (span) => queryDifferences(span, selector, equals, redact);
  const chains = parseSelectorCached(selector).chains;
  if (chains.length !== 1) return undefined;
  const last = chains[0]![chains[0]!.length - 1];
  return last ? (span) => filterDifferences(span, last.filters, redact) : undefined;
}

/**
 * The spans nearest to matching a selector, fewest differences first, each with what differs:
 * the answer to "which span did I mean, and why did it not match?". Compares the span's own
 * fields (the last step of a string selector); parent and ancestor conditions are not scored.
 */
export function closestSpans(trace: Trace, selector: SpanSelector, equals: Equals, options: { limit?: number; redact?: Redact } = {}): Candidate[] {
  const differences = differencesOf(selector, equals, options.redact ?? []);
  if (!differences) return [];
  const scored = trace.spans.map((span) => ({ span, differences: differences(span) })).filter((c) => c.differences.length > 0);
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
