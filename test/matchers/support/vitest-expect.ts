import { expect } from 'vitest';
import type { AsymmetricTraceMatchers } from './runner-expect';

/**
 * Vitest's `expect`, with the negated asymmetric trace matchers typed (`expect.not.toHaveErrors()`):
 * `expect.extend` adds them, but Vitest's types list only the plain `expect.toHaveErrors()`.
 */
export const vitestExpect = expect as typeof expect & { readonly not: AsymmetricTraceMatchers };
