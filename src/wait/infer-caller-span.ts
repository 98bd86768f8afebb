import type { Span } from '../trace/span';

/**
 * The caller's own span of a trace started elsewhere (a browser, a queue consumer, an id from
 * a log), when it was never exported: the one missing parent, and the parent of the earliest
 * span. Undefined when the spans point at no missing parent, or at several.
 */
export function inferCallerSpanId(spans: readonly Span[]): string | undefined {
  const ids = new Set(spans.map((s) => s.spanId));
  const missing = new Set<string>();
  for (const span of spans) if (span.parentSpanId !== undefined && !ids.has(span.parentSpanId)) missing.add(span.parentSpanId);
  if (missing.size !== 1) return undefined;
  const earliest = spans.reduce<Span | undefined>(
    (a, s) => (a === undefined || s.startTimeUnixNano < a.startTimeUnixNano ? s : a),
    undefined,
  );
  const [only] = missing;
  return earliest?.parentSpanId === only ? only : undefined;
}
