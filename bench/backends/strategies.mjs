// The four ways to reach a verdict on a trace that the bench times. Each gets a fresh trace and
// starts the moment the trace's root span ended (when a test would have its response).
import { PendingTrace } from 'traceproof';
import { now, sleep } from './clock.mjs';
import { LAST_NAME, ROOT_NAME, SPAN_COUNT } from './known-trace.mjs';

const FETCH_TIMEOUT_MS = 10_000;
const fetchSpans = (backend, traceId) => backend.fetchTrace(traceId, AbortSignal.timeout(FETCH_TIMEOUT_MS));
const hasSpan = (spans, name) => spans.some((s) => s.name.toLowerCase() === name.toLowerCase());

/** (a) A positive assertion over a PendingTrace: resolves once a snapshot has the span. */
export const traceproofPositive = {
  id: 'traceproof-positive',
  label: 'traceproof positive (until span present)',
  describe: (s) => `\`pending.until(t => t.find({ name: '${LAST_NAME}' }) !== undefined)\`, deadline ${s.timeoutMs} ms`,
  async run({ backend, traceId, settings }) {
    const pending = new PendingTrace(traceId, { backend, deadline: Date.now() + settings.timeoutMs, quietWindowMs: settings.quietWindowMs });
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
    const pending = new PendingTrace(traceId, { backend, deadline: Date.now() + settings.timeoutMs, quietWindowMs: settings.quietWindowMs });
    const trace = await pending.settled();
    const verdictAt = now();
    return { verdictAt, spansSeen: trace.size, correct: trace.size === SPAN_COUNT };
  },
};

// Tracetest's default polling profile, as its server runs it (kubeshop/tracetest
// server/executor/pollingprofile: retryDelay 5s, timeout 1m, MaxTracePollRetry =
// ceil(timeout / retryDelay); tracepollerworker: the starter hands the job to the fetcher at
// once, every requeue sleeps retryDelay; span_count_polling_stop_strategy.go: done when the last
// poll collected no new span, at least one span was collected and not only the root, or after
// MaxTracePollRetry requeues).
const TRACETEST_RETRY_DELAY_MS = 5000;
const TRACETEST_TIMEOUT_MS = 60_000;

/** (c) Tracetest's default polling profile. */
export const tracetestPolling = {
  id: 'tracetest-polling',
  label: "Tracetest default polling (5 s, span count unchanged)",
  describe: () =>
    `first poll at once, then every ${TRACETEST_RETRY_DELAY_MS / 1000} s; done when a poll found no new span (and more than the root alone), at most ${Math.ceil(TRACETEST_TIMEOUT_MS / TRACETEST_RETRY_DELAY_MS)} requeues (timeout ${TRACETEST_TIMEOUT_MS / 1000} s)`,
  async run({ backend, traceId }) {
    const maxRetry = Math.ceil(TRACETEST_TIMEOUT_MS / TRACETEST_RETRY_DELAY_MS);
    let spans;
    let collected = 0;
    for (let enqueueCount = 0; ; enqueueCount++) {
      const fetched = await fetchSpans(backend, traceId);
      if (fetched.length > 0) {
        collected = fetched.length - (spans?.length ?? 0);
        spans = fetched;
      }
      if (enqueueCount >= maxRetry) break;
      if (spans !== undefined) {
        const onlyRoot = spans.length === 1 && spans[0].parentSpanId === undefined;
        if (collected === 0 && spans.length > 0 && !onlyRoot) break;
      }
      await sleep(TRACETEST_RETRY_DELAY_MS);
    }
    const verdictAt = now();
    const seen = spans ?? [];
    return { verdictAt, spansSeen: seen.length, correct: seen.length === SPAN_COUNT && hasSpan(seen, LAST_NAME) };
  },
};

// jest-opentelemetry (traceloop/jest-opentelemetry packages/expect-opentelemetry/src/trace-loop:
// pollInterval 1000, maxPollTime 9000, awaitAllSpansInTraceTimeout 2000): sleep 1 s, fetch, up
// to 9 times, until the test's entry span is there; then sleep 2 s, fetch once more, assert.
const JEST_OTEL_POLL_INTERVAL_MS = 1000;
const JEST_OTEL_MAX_POLL_TIME_MS = 9000;
const JEST_OTEL_AWAIT_ALL_SPANS_MS = 2000;

/** (d) jest-opentelemetry's fixed 1 s polling plus a 2 s sleep. */
export const fixedPolling = {
  id: 'fixed-polling',
  label: 'jest-opentelemetry (1 s polling, then 2 s sleep)',
  describe: () =>
    `sleep ${JEST_OTEL_POLL_INTERVAL_MS / 1000} s then fetch, up to ${Math.floor(JEST_OTEL_MAX_POLL_TIME_MS / JEST_OTEL_POLL_INTERVAL_MS)} times, until the entry span ("${ROOT_NAME}") is present; then sleep ${JEST_OTEL_AWAIT_ALL_SPANS_MS / 1000} s and fetch once more`,
  async run({ backend, traceId }) {
    for (let polls = Math.floor(JEST_OTEL_MAX_POLL_TIME_MS / JEST_OTEL_POLL_INTERVAL_MS); polls-- > 0; ) {
      await sleep(JEST_OTEL_POLL_INTERVAL_MS);
      if (hasSpan(await fetchSpans(backend, traceId), ROOT_NAME)) break;
    }
    await sleep(JEST_OTEL_AWAIT_ALL_SPANS_MS);
    const spans = await fetchSpans(backend, traceId);
    const verdictAt = now();
    return { verdictAt, spansSeen: spans.length, correct: spans.length === SPAN_COUNT && hasSpan(spans, LAST_NAME) };
  },
};

export const STRATEGIES = [traceproofPositive, traceproofSettled, tracetestPolling, fixedPolling];
export const BASELINES = [tracetestPolling, fixedPolling];
export const TRACEPROOF = [traceproofPositive, traceproofSettled];
