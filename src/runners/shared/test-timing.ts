import { getConfig } from '../../config';
import { REPORT_RESERVE_MS } from '../../trigger/trace-session';
import { toMilliseconds } from '../../util/duration';

/** The trace timeout when no runner gives the test a timeout and none is configured. */
const OUTSIDE_RUNNER_TIMEOUT_MS = 4000;
/** What a fitted test timeout keeps beyond the trace timeout: the work before the trigger. */
const WORK_BEFORE_TRIGGER_MS = 1000;

/** The trace timeout the user configured (`TRACEPROOF_TIMEOUT`, `configure`), if any. */
export function configuredTraceTimeoutMs(): number | undefined {
  const { timeout } = getConfig();
  return timeout === undefined ? undefined : toMilliseconds(timeout, 'timeout');
}

/**
 * The timeout a trace test registers with when the configured trace timeout does not fit in
 * the runner's: room for the trace, the work before its trigger and the failure report.
 * Undefined keeps the runner's own.
 */
export function fittedTestTimeout(runnerTimeoutMs: number | undefined): number | undefined {
  const trace = configuredTraceTimeoutMs();
  if (trace === undefined || runnerTimeoutMs === undefined || runnerTimeoutMs <= 0) return undefined;
  const needed = trace + WORK_BEFORE_TRIGGER_MS + REPORT_RESERVE_MS;
  return needed > runnerTimeoutMs ? needed : undefined;
}

/** How one test's traces are timed: their timeout from the trigger, and when the test itself ends. */
export interface TestTiming {
  readonly timeout: number;
  readonly testEndsAt?: number | undefined;
}

/**
 * A test that started at `startedAt` with the runner's timeout `testTimeoutMs` (none: 0 or
 * undefined): traces wait the configured timeout, else until shortly before the test ends.
 */
export function testTiming(testTimeoutMs: number | undefined, startedAt = Date.now()): TestTiming {
  const configured = configuredTraceTimeoutMs();
  if (testTimeoutMs === undefined || testTimeoutMs <= 0 || !Number.isFinite(testTimeoutMs)) {
    return { timeout: configured ?? OUTSIDE_RUNNER_TIMEOUT_MS };
  }
  return { timeout: configured ?? testTimeoutMs, testEndsAt: startedAt + testTimeoutMs };
}
