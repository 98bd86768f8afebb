import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The misconfigured examples: each directory is one mistake, and each of its tests fails (or
// passes) the way a user with that mistake would see it. Run one with
//   npx vitest run --config examples/misconfigured/vitest.config.ts <directory>/
// Vitest's own defaults otherwise (a 5 s test timeout): the examples set what they need.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*/**/*.test.ts'],
    // Its own config, without the global setup: that is its mistake.
    exclude: ['no-global-setup/**', '**/node_modules/**'],
    globalSetup: ['traceproof/vitest/global-setup'],
    setupFiles: ['traceproof/vitest'],
    // Starting services on a loaded machine; the tests keep Vitest's 5 s default.
    hookTimeout: 30_000,
  },
});
