// The four ways to reach a verdict on a trace that the bench times. Each gets a fresh trace and
// starts the moment the trace's root span ended (when a test would have its response).
import { PendingTrace } from 'traceproof';
import { now } from '../lib/now.mjs';
import * as jestOpentelemetry from '../strategies/jest-opentelemetry-polling.mjs';
import * as tracetest from '../strategies/tracetest-polling.mjs';
import { LAST_NAME, ROOT_NAME, SPAN_COUNT } from './known-trace.mjs';

const FETCH_TIMEOUT_MS = 10_000;
const fetchSpans = (backend, traceId) => backend.fetchTrace(traceId, AbortSignal.timeout(FETCH_TIMEOUT_MS));
const sameName = (span, name) => span.name.toLowerCase() === name.toLowerCase();

/** (a) A positive assertion over a PendingTrace: resolves once a snapshot has the span. */
export const traceproofPositive = {
  id: 'traceproof-positive',
  label: 'traceproof positive (until span present)',
  describe: (s) => `\`pending.until(t => t.find({ name: '${LAST_NAME}' }) !== undefined)\`, deadline ${s.timeoutMs} ms`,
  async run({ backend, traceId, settings }) {
    const pending = new PendingTrace(traceId, {
      backend,
      deadline: Date.now() + settings.timeoutMs,
      quietWindowMs: settings.quietWindowMs,
    });
    const outcome = await pending.until((t) => t.find({ name: LAST_NAME }) !== undefined);
    const verdictAt = now();
    const found = outcome.trace.find({ name: LAST_NAME }) !== undefined;
    return { verdictAt, spansSeen: outcome.trace.size, correct: found, note: outcome.timedOut ? 'timed out' : undefined };
  },
};

/** (b) What a negative assertion waits for: root ended, parents present, quiet window passed. */
export const traceproofSettled = {
  id: 'traceproof-settled',
  label: 'traceproof settled (negative assertions)',
  describe: (s) => `\`pending.settled()\`, quiet window ${s.quietWindowMs} ms, deadline ${s.timeoutMs} ms`,
  async run({ backend, traceId, settings }) {
    const pending = new PendingTrace(traceId, {
      backend,
      deadline: Date.now() + settings.timeoutMs,
      quietWindowMs: settings.quietWindowMs,
    });
    const trace = await pending.settled();
    const verdictAt = now();
    return { verdictAt, spansSeen: trace.size, correct: trace.size === SPAN_COUNT };
  },
};

/** A baseline from bench/strategies/ (one implementation, shared with the shop bench) on a backend. */
function baseline(strategy, note = '') {
  return {
    id: strategy.id,
    label: strategy.label,
    describe: () => strategy.description + note,
    async run({ backend, traceId }) {
      const { spans } = await strategy.poll(() => fetchSpans(backend, traceId), { isEntrySpan: (s) => sameName(s, ROOT_NAME) });
      const verdictAt = now();
      return { verdictAt, spansSeen: spans.length, correct: spans.length === SPAN_COUNT && spans.some((s) => sameName(s, LAST_NAME)) };
    },
  };
}

/** (c) Tracetest's default polling profile. */
export const tracetestPolling = baseline(tracetest);

/** (d) jest-opentelemetry's fixed 1 s polling plus a 2 s sleep. */
export const jestOpentelemetryPolling = baseline(jestOpentelemetry, ` (the entry span here: "${ROOT_NAME}")`);

export const STRATEGIES = [traceproofPositive, traceproofSettled, tracetestPolling, jestOpentelemetryPolling];
export const BASELINES = [tracetestPolling, jestOpentelemetryPolling];
export const TRACEPROOF = [traceproofPositive, traceproofSettled];
