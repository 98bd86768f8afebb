/** An `expect.any(Number)`-style matcher from either runner. */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
  /** Jest's description of the matcher; Vitest has only `toString` and `sample`. */
  toAsymmetricMatcher?(): string;
  sample?: unknown;
}

/** Whether a value is an asymmetric matcher (`expect.stringMatching(…)`, `expect.any(Number)`, …). */
export function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcherLike {
  return typeof value === 'object' && value !== null && typeof (value as Partial<AsymmetricMatcherLike>).asymmetricMatch === 'function';
}
