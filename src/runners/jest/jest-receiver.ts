import type { SharedReceiver } from '../../receiver/shared-receiver';
import { processGlobal } from '../../util/process-global';

/** Where Jest's global setup leaves the receiver for its global teardown: same process, same globals. */
export const jestReceiver = processGlobal<SharedReceiver>('jestReceiver');
