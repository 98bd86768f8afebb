import { TraceproofError } from '../errors';
import { isPlainObject } from '../util/is-plain-object';
import { QUERY_FIELDS } from './query-fields';
import type { SpanQuery } from './span-query';

const NESTED_KEYS = ['parent', 'ancestor', 'child'] as const;
const VALID_KEYS: readonly (keyof SpanQuery)[] = [...QUERY_FIELDS.map((field) => field.key), 'attributes', ...NESTED_KEYS];

/**
 * Throws a {@link TraceproofError} when `query` is not a usable {@link SpanQuery}: a misspelt key
 * would otherwise be ignored and the query would match every span.
 */
export function assertSpanQuery(query: unknown, path = 'span query'): asserts query is SpanQuery {
  if (!isPlainObject(query)) {
    throw new TraceproofError(
      `A ${path} must be a selector string or an object like { service: 'api', name: /^GET / }, received ${describe(query)}.`,
    );
  }
  for (const key of Object.keys(query)) {
    if (!(VALID_KEYS as readonly string[]).includes(key)) {
      throw new TraceproofError(`Unknown key \`${key}\` in ${path}. Valid keys: ${VALID_KEYS.join(', ')}.`);
    }
  }
  const { attributes } = query;
  if (attributes !== undefined && !isPlainObject(attributes)) {
    throw new TraceproofError(
      `\`attributes\` in ${path} must be an object of attribute keys to expected values, received ${describe(attributes)}.`,
    );
  }
  for (const key of NESTED_KEYS) {
    if (query[key] !== undefined) assertSpanQuery(query[key], `\`${key}\` of ${path}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof RegExp) return `the RegExp ${String(value)}`;
  return typeof value === 'object' ? `an instance of ${value.constructor?.name ?? 'Object'}` : `${typeof value} ${String(value)}`;
}
