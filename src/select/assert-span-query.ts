import { TraceproofError } from '../errors';
import type { SpanQuery } from './span-query';

const VALID_KEYS: readonly (keyof SpanQuery)[] = [
  'service',
  'name',
  'kind',
  'status',
  'attributes',
  'parent',
  'ancestor',
  'child',
];
const NESTED_KEYS = ['parent', 'ancestor', 'child'] as const;

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof RegExp) return `the RegExp ${String(value)}`;
  return typeof value === 'object' ? `an instance of ${value.constructor?.name ?? 'Object'}` : `${typeof value} ${String(value)}`;
}
