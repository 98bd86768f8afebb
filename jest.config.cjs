/** Jest runs the matcher suite (test/runners/jest) against the sources, as Jest users would run their tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/runners/jest'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, isolatedModules: true } }],
  },
  setupFilesAfterEnv: ['<rootDir>/src/runners/jest/setup.ts'],
  // In band, as with --runInBand: the two in-process test files share one process, each with its
  // own module registry (the trap they exist to exercise).
  maxWorkers: 1,
};
