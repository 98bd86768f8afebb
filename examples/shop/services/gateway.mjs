// gateway: the shop's public edge. Forwards to orders and inventory; tests talk only to it.
//   POST /orders, GET /orders/:id, GET /customers/:id/orders  -> orders
//   GET  /products/:sku                                      -> inventory
import { trace } from '@opentelemetry/api';
import { callJson, requireUrl } from './lib/call-json.mjs';
import { serve } from './lib/serve.mjs';

const ORDERS_URL = requireUrl('ORDERS_URL');
const INVENTORY_URL = requireUrl('INVENTORY_URL');

/** Forwards a request and tags the gateway's server span with where it went. */
function forward(upstream, method, path, json) {
  trace.getActiveSpan()?.setAttribute('gateway.upstream', upstream);
  const base = upstream === 'orders' ? ORDERS_URL : INVENTORY_URL;
  return callJson(`${base}${path}`, { method, json });
}

serve('gateway', [
  ['POST', '/orders', ({ body }) => forward('orders', 'POST', '/orders', body ?? {})],
  ['GET', '/orders/:id', ({ params }) => forward('orders', 'GET', `/orders/${encodeURIComponent(params.id)}`)],
  [
    'GET',
    '/customers/:customer/orders',
    ({ params }) => forward('orders', 'GET', `/customers/${encodeURIComponent(params.customer)}/orders`),
  ],
  ['GET', '/products/:sku', ({ params }) => forward('inventory', 'GET', `/products/${encodeURIComponent(params.sku)}`)],
]);
