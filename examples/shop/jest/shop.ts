// The running shop, from the env the global setup published.
export const GATEWAY = process.env.SHOP_GATEWAY_URL ?? '';
export const PAYMENTS_SERVICE = process.env.SHOP_PAYMENTS_SERVICE ?? 'payments-fallback';
export const PYTHON = process.env.SHOP_PYTHON === '1';

if (!GATEWAY) throw new Error('[shop] SHOP_GATEWAY_URL is not set: run with --config examples/shop/jest/jest.config.cjs');
