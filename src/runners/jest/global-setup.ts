import { startSharedReceiver, type SharedReceiver } from '../../receiver/shared-receiver';

/** Where Jest's global setup leaves the receiver for its global teardown: same process, same globals. */
export const JEST_RECEIVER = Symbol.for('traceproof.jestReceiver');

/**
 * Jest global setup: starts the embedded receiver before the workers, which find it through
 * TRACEPROOF_RECEIVER_URL. Pair it with the global teardown.
 * @example
 * // jest.config.js
 * export default { globalSetup: 'traceproof/jest/global-setup', globalTeardown: 'traceproof/jest/global-teardown' };
 */
export default async function globalSetup(): Promise<void> {
  const holder = globalThis as { [JEST_RECEIVER]?: SharedReceiver };
  holder[JEST_RECEIVER] ??= await startSharedReceiver();
}
