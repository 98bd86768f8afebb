import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    vitest: 'matchers/vitest.ts',
    jest: 'matchers/jest.ts',
    matchers: 'matchers/index.ts',
    'vitest-global-setup': 'src/receiver/vitest-global-setup.ts',
    'jest-global-setup': 'src/receiver/jest-global-setup.ts',
    'jest-global-teardown': 'src/receiver/jest-global-teardown.ts',
    'jest-environment': 'src/jest/traceproof-environment.ts',
    'adapters/memory': 'adapters/memory.ts',
    'adapters/otlp': 'adapters/otlp.ts',
    'adapters/jaeger': 'adapters/jaeger.ts',
    'adapters/zipkin': 'adapters/zipkin.ts',
    'adapters/tempo': 'adapters/tempo.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  external: ['vitest', '@jest/globals', 'jest', 'jest-environment-node', '@opentelemetry/api'],
});
