// front → back, both instrumented and exporting to the receiver; back drops the traces of
// requests that carry x-quiet, so a call front passes that header to has no span from back.
import { startServices, type RunningService } from '../lib/services.mjs';

export async function startFrontAndBack(): Promise<{ front: RunningService; back: RunningService; stop: () => Promise<void> }> {
  const [back] = await startServices([{ name: 'back', script: 'silent-callee/back.mjs', env: { MISCONF_QUIET_HEADER: 'x-quiet' } }]);
  const [front] = await startServices([{ name: 'front', script: 'silent-callee/front.mjs', env: { BACK_URL: back!.url } }]);
  return {
    front: front!,
    back: back!,
    stop: async () => {
      await Promise.all([front!.stop(), back!.stop()]);
    },
  };
}
