// What the Jest configs of the misconfigured examples share. Each example with a jest/ folder
// has its own config, whose global setup starts that example's services:
//   npx jest --config examples/misconfigured/<example>/jest/jest.config.cjs
const traceproofSetup = 'traceproof/jest/global-setup';

module.exports = function jestConfig(dir, { globalSetup = '<rootDir>/global-setup.cjs', ...rest } = {}) {
  return {
    rootDir: dir,
    testMatch: ['<rootDir>/*.test.cjs'],
    testEnvironment: 'node',
    globalSetup,
    globalTeardown: globalSetup === traceproofSetup ? 'traceproof/jest/global-teardown' : `${__dirname}/jest-teardown.cjs`,
    setupFilesAfterEnv: ['traceproof/jest'],
    ...rest,
  };
};
module.exports.traceproofSetup = traceproofSetup;
