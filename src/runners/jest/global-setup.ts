import { startSharedReceiver } from '../../receiver/shared-receiver';
import { jestReceiver } from './jest-receiver';

/**
 * Jest global setup: starts the embedded receiver before the workers, which find it through
 * TRACEPROOF_RECEIVER_URL. Pair it with the global teardown.
 * @example
 * // jest.config.js
 * export default { globalSetup: 'traceproof/jest/global-setup', globalTeardown: 'traceproof/jest/global-teardown' };
 */
export default async function globalSetup(): Promise<void> {
  if (!jestReceiver.get()) jestReceiver.set(await startSharedReceiver());
}
