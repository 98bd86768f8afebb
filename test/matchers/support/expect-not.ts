import { expect } from 'vitest';
import type { TraceMatchers } from '../../../matchers/trace-matchers';

type AsAsymmetric = { [K in keyof TraceMatchers]: (...args: Parameters<TraceMatchers[K]>) => unknown };

/**
 * `expect.not`, typed with the negated asymmetric trace matchers (`expect.not.toHaveErrors()`):
 * `expect.extend` adds them, but Vitest's types list only the plain `expect.toHaveErrors()`.
 */
export const expectNot = expect.not as unknown as AsAsymmetric;
