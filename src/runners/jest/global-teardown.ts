import { jestReceiver } from './jest-receiver';

/** Jest global teardown: stops the receiver that the global setup started. */
export default async function globalTeardown(): Promise<void> {
  const shared = jestReceiver.get();
  jestReceiver.clear();
  await shared?.stop();
}
