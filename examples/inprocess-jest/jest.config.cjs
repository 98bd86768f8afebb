module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.test.cjs'],
  // Instrumentations load once per worker outside Jest's sandbox, where they can patch node:http.
  testEnvironment: 'traceproof/jest/environment',
  testEnvironmentOptions: { traceproof: { instrument: '../inprocess-shop/instrument.cjs' } },
  setupFilesAfterEnv: ['traceproof/jest'],
};
