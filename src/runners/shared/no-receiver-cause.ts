import type { TraceproofConfig } from '../../config';

const SETUP_LINES = {
  vitest: "globalSetup: ['traceproof/vitest/global-setup'] in the test options of your Vitest config",
  jest: "globalSetup: 'traceproof/jest/global-setup' and globalTeardown: 'traceproof/jest/global-teardown' in your Jest config",
} as const;

/**
 * The cause to name first when traceproof reads only this process's spans: no backend is
 * configured and no global setup published a receiver, so spans other processes export reach
 * nothing traceproof reads.
 */
export function noReceiverCauses(
  runner: keyof typeof SETUP_LINES,
  config: Pick<TraceproofConfig, 'backend'>,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (config.backend !== undefined || env.TRACEPROOF_RECEIVER_URL) return [];
  return [
    `no traceproof receiver is running and no backend is configured, so only the spans of this test process are read: add ${SETUP_LINES[runner]} (it starts the receiver and tells your services where to export), or set TRACEPROOF_BACKEND to the store your services export to`,
  ];
}
