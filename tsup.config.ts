import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    vitest: 'src/runners/vitest/setup.ts',
    jest: 'src/runners/jest/setup.ts',
    matchers: 'matchers/index.ts',
    'vitest-global-setup': 'src/runners/vitest/global-setup.ts',
    'jest-global-setup': 'src/runners/jest/global-setup.ts',
    'jest-global-teardown': 'src/runners/jest/global-teardown.ts',
    'jest-environment': 'src/runners/jest/environment.ts',
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
