// hello: the smallest traced service. GET /hello answers 200 with a JSON greeting.
import { serve } from '../../shop/services/lib/serve.mjs';

serve(process.env.OTEL_SERVICE_NAME ?? 'hello', [['GET', '/hello', async () => ({ status: 200, json: { hello: 'world' } })]]);
