/** The part of a matcher's `this` that Vitest and Jest both provide. */
export interface MatcherUtils {
  matcherHint(
    matcherName: string,
    received?: string,
    expected?: string,
    options?: { isNot?: boolean; promise?: string; secondArgument?: string },
  ): string;
  printExpected(value: unknown): string;
  printReceived(value: unknown): string;
  EXPECTED_COLOR(text: string): string;
  RECEIVED_COLOR(text: string): string;
  stringify(value: unknown): string;
}

export interface MatcherContext {
  readonly isNot: boolean;
  readonly promise?: string;
  equals(a: unknown, b: unknown, customTesters?: unknown[], strictCheck?: boolean): boolean;
  readonly customTesters?: unknown[];
  readonly utils: MatcherUtils;
}

export interface MatcherResult {
  pass: boolean;
  message(): string;
  actual?: unknown;
  expected?: unknown;
}
