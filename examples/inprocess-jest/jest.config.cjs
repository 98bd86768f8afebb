module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.test.cjs'],
  setupFilesAfterEnv: ['traceproof/jest', '<rootDir>/../inprocess-shop/instrument.cjs'],
};
