// Stops the shop (its services flush their last spans), then traceproof's receiver.
const traceproofTeardown = require('traceproof/jest/global-teardown');

module.exports = async function globalTeardown(globalConfig, projectConfig) {
  await globalThis.__TRACEPROOF_SHOP__?.stop();
  await (traceproofTeardown.default ?? traceproofTeardown)(globalConfig, projectConfig);
};
