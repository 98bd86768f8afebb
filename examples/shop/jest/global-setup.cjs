// Starts traceproof's OTLP receiver, then the shop, whose services export to it. Tests read
// the shop's URLs from SHOP_* env vars (Jest workers inherit the env set here).
const traceproofSetup = require('traceproof/jest/global-setup');

module.exports = async function globalSetup(globalConfig, projectConfig) {
  await (traceproofSetup.default ?? traceproofSetup)(globalConfig, projectConfig);
  const { startShop } = await import('../lifecycle/start-shop.mjs');
  const shop = await startShop();
  if (shop.pythonNotice) console.warn(`\n${shop.pythonNotice}\n`);
  // Jest runs globalTeardown in this same process: it finds the shop here.
  globalThis.__TRACEPROOF_SHOP__ = shop;
  process.env.SHOP_GATEWAY_URL = shop.gatewayUrl;
  process.env.SHOP_PAYMENTS_SERVICE = shop.paymentsService;
  process.env.SHOP_PYTHON = shop.python ? '1' : '0';
};
