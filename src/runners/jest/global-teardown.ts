import { JEST_RECEIVER } from './global-setup';
import type { SharedReceiver } from '../../receiver/shared-receiver';

/** Jest global teardown: stops the receiver that the global setup started. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { [JEST_RECEIVER]?: SharedReceiver };
  const shared = holder[JEST_RECEIVER];
  holder[JEST_RECEIVER] = undefined;
  await shared?.stop();
}
