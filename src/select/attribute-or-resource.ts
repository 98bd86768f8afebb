import type { Span } from '../trace/span';

/**
 * A span attribute, falling back to the resource attribute of the same key (so `service.name`,
 * `host.name` and the like are found on every span). `undefined` when neither has the key.
 */
export function attributeOrResource(span: Span, key: string): unknown {
  if (Object.hasOwn(span.attributes, key)) return span.attributes[key];
  if (Object.hasOwn(span.resource, key)) return span.resource[key];
  return undefined;
}
