import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/runners/jest/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
