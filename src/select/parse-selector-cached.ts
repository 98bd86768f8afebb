import { parseSelector } from './parse-selector';
import type { SelectorAst } from './selector-ast';

/** How many distinct selector strings stay parsed; the least recently used one goes first. */
export const SELECTOR_CACHE_SIZE = 256;

const cache = new Map<string, SelectorAst>();

/**
 * {@link parseSelector} with a small LRU cache: assertions in loops and polling re-evaluate the
 * same selector many times. Syntax errors are not cached.
 */
export function parseSelectorCached(source: string): SelectorAst {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const ast = parseSelector(source);
  cache.set(source, ast);
  if (cache.size > SELECTOR_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return ast;
}
