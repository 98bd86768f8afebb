import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The mistake: globalSetup: ['traceproof/vitest/global-setup'] is left out, so no receiver runs.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.test.ts'],
    setupFiles: ['traceproof/vitest'],
    hookTimeout: 30_000,
  },
});
