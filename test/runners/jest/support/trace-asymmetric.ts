import { expect } from '@jest/globals';
import type { AsymmetricTraceMatchers } from '../../../matchers/support/runner-expect';

/**
 * Jest's `expect`, typed with the asymmetric forms `expect.extend` adds for the trace matchers
 * (`expect.toHaveSpan(…)`, `expect.not.toHaveErrors()`), which Jest's own types do not list.
 */
export const traceExpect = expect as typeof expect & AsymmetricTraceMatchers & { readonly not: AsymmetricTraceMatchers };
