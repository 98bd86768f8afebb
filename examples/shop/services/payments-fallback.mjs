// payments-fallback: a Node stand-in for the Python payments service, used when Python is not
// set up (bash scripts/python-env.sh). Same API, but its spans say service.name
// "payments-fallback", so a test that expects the real payments service cannot be fooled.
//   POST /charge   { amount, currency } -> 200 { chargeId } | 402 declined (amount > 10000)
import { randomUUID } from 'node:crypto';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { serve } from './lib/serve.mjs';

const tracer = trace.getTracer('payments-fallback');

serve('payments-fallback', [
  [
    'POST',
    '/charge',
    ({ body }) => {
      const { amount, currency = 'USD' } = body ?? {};
      if (typeof amount !== 'number' || amount <= 0) return { status: 400, json: { error: 'bad_request' } };
      return tracer.startActiveSpan(
        'charge',
        { attributes: { 'payment.amount': amount, 'payment.currency': currency, 'payment.fallback': true } },
        (span) => {
          try {
            if (amount > 10000) {
              span.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined: amount over limit' });
              return { status: 402, json: { error: 'declined' } };
            }
            const chargeId = `ch_${randomUUID().slice(0, 8)}`;
            span.setAttribute('payment.charge_id', chargeId);
            return { status: 200, json: { chargeId } };
          } finally {
            span.end();
          }
        },
      );
    },
  ],
]);
