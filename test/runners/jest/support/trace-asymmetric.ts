import { expect } from '@jest/globals';
import type { TraceMatchers } from '../../../../matchers/trace-matchers';

type AsAsymmetric = { [K in keyof TraceMatchers]: (...args: Parameters<TraceMatchers[K]>) => unknown };

/**
 * Jest's `expect`, typed with the asymmetric forms `expect.extend` adds for the trace matchers
 * (`expect.toHaveSpan(…)`, `expect.not.toHaveErrors()`), which Jest's own types do not list.
 */
export const traceExpect = expect as unknown as AsAsymmetric & { readonly not: AsAsymmetric };
