// back: GET /work answers 200. Its tracing drops the trace of a request carrying x-quiet
// (MISCONF_QUIET_HEADER=x-quiet): it answers such a call and reports no span of it.
import { serve } from '../../shop/services/lib/serve.mjs';

serve('back', [['GET', '/work', async () => ({ status: 200, json: { done: true } })]]);
