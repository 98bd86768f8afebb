import type { Span } from '../trace/span';

/** Tracetest's span types. `exception` is what Tracetest reports for spans with `exception.*` attributes. */
export type TracetestSpanType = 'http' | 'database' | 'rpc' | 'messaging' | 'faas' | 'exception' | 'general';

/**
 * Most specific first: a database or queue client that talks HTTP, or a function invoked over
 * HTTP, carries `http.*` attributes as well.
 */
const PREFIXES: readonly (readonly [string, TracetestSpanType])[] = [
  ['db.', 'database'],
  ['messaging.', 'messaging'],
  ['rpc.', 'rpc'],
  ['faas.', 'faas'],
  ['http.', 'http'],
  ['url.', 'http'],
  ['exception.', 'exception'],
];

/**
 * The value of Tracetest's `tracetest.span.type` meta attribute, derived from the span's
 * semantic-convention attribute namespaces.
 * @example spanType(span) // 'database' for a span with `db.system.name`
 */
export function spanType(span: Span): TracetestSpanType {
  const keys = Object.keys(span.attributes);
  for (const [prefix, type] of PREFIXES) if (keys.some((key) => key.startsWith(prefix))) return type;
  return 'general';
}
