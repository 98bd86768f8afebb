// Starts traceproof's OTLP receiver, then the shop, whose services export to it. Tests read
// the shop's URLs from SHOP_* env vars (Jest workers inherit the env set here).
const traceproofSetup = require('traceproof/jest/global-setup');

module.exports = async function globalSetup(globalConfig, projectConfig) {
  await (traceproofSetup.default ?? traceproofSetup)(globalConfig, projectConfig);
  const { startShop } = await import('../lifecycle/start-shop.mjs');
  // Jest gives globalSetup no deadline of its own: the services get the config's testTimeout.
  const shop = await startShop({ readyTimeoutMs: globalConfig.testTimeout, readyTimeoutSource: 'testTimeout of the Jest config' });
  if (shop.pythonNotice) console.warn(`\n${shop.pythonNotice}\n`);
  // Jest runs globalTeardown in this same process: it finds the shop here.
  globalThis.__TRACEPROOF_SHOP__ = shop;
  process.env.SHOP_GATEWAY_URL = shop.gatewayUrl;
  process.env.SHOP_PAYMENTS_SERVICE = shop.paymentsService;
  process.env.SHOP_PYTHON = shop.python ? '1' : '0';
  // The same trace deadline as the Vitest suite (see ../vitest.config.ts): four services, a Python
  // one among them, on a small CI machine shared with the rest of the suite.
  process.env.TRACEPROOF_TIMEOUT ??= '10s';
};
