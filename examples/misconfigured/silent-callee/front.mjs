// front: GET /work calls back's GET /work (BACK_URL) with fetch, passing on x-quiet.
import { serve } from '../../shop/services/lib/serve.mjs';

const back = process.env.BACK_URL;

serve('front', [
  [
    'GET',
    '/work',
    async ({ headers }) => {
      const res = await fetch(`${back}/work`, { headers: headers['x-quiet'] ? { 'x-quiet': headers['x-quiet'] } : {} });
      return { status: res.status, json: { back: await res.json() } };
    },
  ],
]);
