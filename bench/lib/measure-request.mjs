import { createHttpTrigger, createTraceSession } from 'traceproof';
import { now } from './now.mjs';

/**
 * Triggers one order through the gateway and lets `strategy` reach its verdicts. Times are
 * relative to the arrival of the trace's last span at the receiver (from the tap).
 */
export async function measureRequest({ strategy, gatewayUrl, tap, expect, qty = 1 }) {
  // A strategy may override session settings (traceproof: settleOnEvidence true; traceproof-quiet-window: the default).
  const session = createTraceSession({ timeout: '90s', ...strategy.session });
  const http = createHttpTrigger(session);
  const triggeredAt = now();
  const res = await http.post(`${gatewayUrl}/orders`, { json: { sku: 'A1', qty } });
  const respondedAt = now();
  if (res.status !== 201) throw new Error(`POST /orders answered ${res.status}: ${res.text}`);
  let verdict;
  let error;
  try {
    verdict = await strategy.verdicts({ res, expect });
  } catch (caught) {
    error = caught;
  }
  const lastArrival = tap.lastArrival(res.traceId);
  return {
    strategy: strategy.id,
    traceId: res.traceId,
    // The first line names the assertion; BENCH_DEBUG=1 keeps the whole message (trace tree included).
    error: error ? (process.env.BENCH_DEBUG ? String(error.message ?? error) : String(error.message ?? error).split('\n')[0]) : undefined,
    // The whole message (trace tree included), for the console only.
    errorDetail: error ? String(error.message ?? error) : undefined,
    spansSeen: verdict?.spansSeen,
    triggerToResponse: respondedAt - triggeredAt,
    responseToLastArrival: lastArrival - respondedAt,
    lastArrivalToPositive: verdict ? verdict.positiveAt - lastArrival : NaN,
    lastArrivalToSettled: verdict ? verdict.settledAt - lastArrival : NaN,
    triggerToSettled: verdict ? verdict.settledAt - triggeredAt : NaN,
  };
}
