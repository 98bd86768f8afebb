import { offeredTracing } from '../../in-process/shared-tracing';

const CAUSE =
  "under Jest, instrumentations registered in test files or setup files cannot patch the modules your code uses: set testEnvironment: 'traceproof/jest/environment' and list them in testEnvironmentOptions.traceproof.instrument";

/**
 * Jest's own cause of a missing trace: without traceproof's environment, instrumentations load
 * inside the test file's module registry and patch copies of modules the code never calls.
 */
export function jestSandboxCauses(): string[] {
  return offeredTracing() === undefined ? [CAUSE] : [];
}
