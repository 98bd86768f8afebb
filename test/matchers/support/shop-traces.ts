import { buildTrace, TRACE_ID, TRACE_START } from '../../helpers/build-trace';
import type { Span } from '../../../src/trace/span';
import { Trace } from '../../../src/trace/trace';

/**
 * A checkout that went well: the gateway reserves stock, charges the card (the bank authorises
 * it), then stores the order in two inserts. Times are fixed, so failure messages are exact.
 */
export const shop = buildTrace([
  {
    service: 'gateway',
    name: 'POST /orders',
    kind: 'server',
    duration: 40,
    attributes: { 'http.response.status_code': 201 },
    children: [
      { service: 'inventory', name: 'reserve', start: 1, duration: 12, attributes: { sku: 'A1', qty: 2 } },
      {
        service: 'payments',
        name: 'charge',
        start: 14,
        duration: 20,
        attributes: { 'payment.amount': 40 },
        children: [{ service: 'bank', name: 'authorize', kind: 'client', start: 15, duration: 10 }],
      },
      { service: 'orders', name: 'INSERT orders', start: 35, duration: 2, attributes: { 'db.system': 'sqlite' } },
      { service: 'orders', name: 'INSERT orders', start: 37, duration: 2, attributes: { 'db.system': 'sqlite' } },
    ],
  },
]);

/** The spans of {@link shop} by name (the first, for a repeated name). */
export const spanOf = (trace: Trace, name: string): Span => trace.spans.find((s) => s.name === name)!;

/**
 * The same checkout with the card declined: the bank's authorisation and the charge end with
 * error status, the charge with a recorded exception.
 */
export const declined = new Trace(
  shop.spans.map((span): Span => {
    if (span.name === 'authorize') return { ...span, status: { code: 'error', message: 'do not honor' } };
    if (span.name !== 'charge') return span;
    return {
      ...span,
      status: { code: 'error' },
      events: [
        {
          name: 'exception',
          timeUnixNano: TRACE_START + 30_000_000n,
          attributes: { 'exception.type': 'CardDeclinedError', 'exception.message': 'card declined' },
        },
      ],
    };
  }),
  TRACE_ID,
);
