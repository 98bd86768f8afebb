import { startSharedReceiver } from '../../receiver/shared-receiver';

/**
 * Vitest global setup: starts the embedded receiver before the workers and stops it after the
 * last test file. Workers find it through TRACEPROOF_RECEIVER_URL.
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['traceproof/vitest/global-setup'] } });
 */
export default async function setup(): Promise<() => Promise<void>> {
  const { stop } = await startSharedReceiver();
  return stop;
}
