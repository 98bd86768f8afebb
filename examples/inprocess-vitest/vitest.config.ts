import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.test.ts'],
    setupFiles: ['traceproof/vitest', '../inprocess-shop/instrument.cjs'],
  },
});
