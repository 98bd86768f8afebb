// The shop's suite with every trace matcher stubbed to pass: same requests, no waiting for traces.
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import shop from '../examples/shop/vitest.config';

export default mergeConfig(shop, {
  test: { setupFiles: [fileURLToPath(new URL('./stub-trace-matchers.ts', import.meta.url))] },
});
