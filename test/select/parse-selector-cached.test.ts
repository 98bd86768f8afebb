import { describe, expect, it } from 'vitest';
import { SelectorSyntaxError } from '../../src/errors';
import { parseSelectorCached, SELECTOR_CACHE_SIZE } from '../../src/select/parse-selector-cached';

describe('parseSelectorCached', () => {
  it('returns the same tree for the same selector', () => {
    const first = parseSelectorCached('span[cache.test="same"]');
    expect(parseSelectorCached('span[cache.test="same"]')).toBe(first);
    expect(parseSelectorCached('span[cache.test = "same"]')).not.toBe(first);
  });

  it('throws on every call for a selector that does not parse', () => {
    expect(() => parseSelectorCached('span[cache.test=')).toThrow(SelectorSyntaxError);
    expect(() => parseSelectorCached('span[cache.test=')).toThrow(SelectorSyntaxError);
  });

  it('keeps at most SELECTOR_CACHE_SIZE selectors, dropping the least recently used', () => {
    const kept = parseSelectorCached('span[cache.test="kept"]');
    const dropped = parseSelectorCached('span[cache.test="dropped"]');
    for (let i = 0; i < SELECTOR_CACHE_SIZE - 1; i++) {
      parseSelectorCached(`span[cache.fill=${i}]`);
      if (i % 16 === 0) parseSelectorCached('span[cache.test="kept"]');
    }
    expect(parseSelectorCached('span[cache.test="kept"]')).toBe(kept);
    const reparsed = parseSelectorCached('span[cache.test="dropped"]');
    expect(reparsed).not.toBe(dropped);
    expect(reparsed).toEqual(dropped);
  });
});
