// The trap this example exists for: instrumentations registered inside Jest's sandbox (here as a
// setup file) patch a copy of node:http that the shop never uses, so no server span is recorded.
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.test.cjs'],
  testEnvironment: 'node',
  setupFilesAfterEnv: ['traceproof/jest', '<rootDir>/../../inprocess-shop/instrument.cjs'],
};
