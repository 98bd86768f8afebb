import type { TraceMatchers } from '../../../matchers/trace-matchers';

/** The trace matchers as `expect.extend` adds them to `expect` itself: `expect.toHaveSpan(…)`. */
export type AsymmetricTraceMatchers = { [K in keyof TraceMatchers]: (...args: Parameters<TraceMatchers[K]>) => unknown };

/** What a scenario asserts on one value: the trace matchers, and the core matchers outcomes are checked with. */
export interface RunnerAssertion<T> extends TraceMatchers<T> {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toContain(expected: string): void;
  toMatch(expected: string | RegExp): void;
  readonly not: TraceMatchers<T> & { toEqual(expected: unknown): void; toContain(expected: string): void };
}

/**
 * The part of Vitest's and Jest's `expect` the shared scenarios use, so one scenario runs under
 * either: each runner passes its own `expect`, typed with the asymmetric trace matchers.
 */
export interface RunnerExpect extends AsymmetricTraceMatchers {
  <T>(actual: T): RunnerAssertion<T>;
  readonly not: AsymmetricTraceMatchers;
  any(type: unknown): unknown;
  stringMatching(expected: string | RegExp): unknown;
  stringContaining(expected: string): unknown;
}
