const JEST_DEFAULT_TIMEOUT_MS = 5000;

/**
 * The test timeout Jest applies to a test that names none: `jest.setTimeout`'s, else the
 * `testTimeout` config, as jest-circus holds them on the test file's global.
 */
export function jestTestTimeout(): number {
  const global = globalThis as Record<symbol, unknown>;
  const set = global[Symbol.for('TEST_TIMEOUT_SYMBOL')];
  if (typeof set === 'number' && set > 0) return set;
  const stateKey = Object.getOwnPropertySymbols(globalThis).find((key) => key.description === 'JEST_STATE_SYMBOL');
  const state = stateKey === undefined ? undefined : (global[stateKey] as { testTimeout?: unknown } | undefined);
  return typeof state?.testTimeout === 'number' && state.testTimeout > 0 ? state.testTimeout : JEST_DEFAULT_TIMEOUT_MS;
}
