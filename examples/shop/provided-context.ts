// Types what the global setup hands to tests through Vitest's provide/inject.
import type { ShopInfo } from './lifecycle/start-shop.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    shop: ShopInfo;
  }
}
