import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Jaeger's HotROD demo, traced for real: its Go services export OTLP to a real Jaeger, and the
// tests read each trace back through traceproof's Jaeger adapter.
//   eval "$(scripts/backends/start.sh hotrod)"   # builds once, starts Jaeger and HotROD
//   npx vitest run --config examples/hotrod/vitest.config.ts
const jaeger = process.env.TRACEPROOF_JAEGER_URL ?? 'http://127.0.0.1:16686';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    setupFiles: ['traceproof/vitest'],
    env: {
      TRACEPROOF_BACKEND: `jaeger+${jaeger}`,
      // HotROD's SDK batches spans for a second before it exports them.
      TRACEPROOF_TIMEOUT: '15s',
      TRACEPROOF_QUIET_WINDOW: '1500ms',
    },
    testTimeout: 30_000,
    // HotROD's fake MySQL serialises queries behind one lock: concurrent tests would measure
    // each other's waits, not the code.
    fileParallelism: false,
  },
});
