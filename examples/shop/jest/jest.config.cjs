/**
 * The shop's Jest suite: `npx jest --config examples/shop/jest/jest.config.cjs`.
 * Jest takes one globalSetup: ./global-setup.cjs runs traceproof's (the OTLP receiver) and then
 * starts the shop; ./global-teardown.cjs stops both.
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, isolatedModules: true } }],
  },
  globalSetup: '<rootDir>/global-setup.cjs',
  globalTeardown: '<rootDir>/global-teardown.cjs',
  setupFilesAfterEnv: ['traceproof/jest'],
  testTimeout: 20_000,
};
