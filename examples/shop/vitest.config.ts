import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// SHOP_DEMO_FAILURE=1 runs only tests/failing-on-purpose.test.ts, which fails to show a failure
// message; otherwise it is left out. `npm run demo` runs both, one after the other.
const demoFailure = process.env.SHOP_DEMO_FAILURE === '1';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: demoFailure ? ['tests/failing-on-purpose.test.ts'] : ['tests/**/*.test.ts'],
    exclude: demoFailure ? [] : ['tests/failing-on-purpose.test.ts'],
    // traceproof's first: it starts the OTLP receiver that the shop's services export to.
    globalSetup: ['traceproof/vitest/global-setup', './global-setup.ts'],
    setupFiles: ['traceproof/vitest'],
    testTimeout: 20_000,
    // Also how long ./global-setup.ts waits for the services to answer /health (about a second on a
    // quiet machine; the whole budget only when the machine is saturated).
    hookTimeout: 20_000,
    // Four services, a Python one among them, and 200 concurrent orders share a small CI
    // machine with the rest of the suite: give each trace up to 10 s (the default is 4 s).
    env: { TRACEPROOF_TIMEOUT: process.env.TRACEPROOF_TIMEOUT ?? '10s' },
  },
});
