// The running shop, as the global setup started it.
import { inject } from 'vitest';
import type { ShopInfo } from '../lifecycle/start-shop.mjs';
import '../provided-context';

export const shop: ShopInfo = inject('shop');

/** The shop's public URL; every test starts its request here. */
export const GATEWAY = shop.gatewayUrl;
