import { resolveBackend } from '../../../adapters/resolve-backend';
import { getConfig, type TraceproofConfig } from '../../config';
import { openTraceSession, type TraceSession } from '../../trigger/trace-session';
import { toMilliseconds } from '../../util/duration';
import { noReceiverCauses } from './no-receiver-cause';
import { testTiming } from './test-timing';

/**
 * A session for the triggers of one test, from the configuration in force (with `overrides`):
 * the backend it names, else the embedded receiver when its global setup ran, merged with the
 * spans of this process. For custom runners; `traceTest` makes one per test.
 * @example const http = createHttpTrigger(createTraceSession({ timeout: '10s' }))
 */
export function createTraceSession(
  overrides: Partial<TraceproofConfig> = {},
  signal?: AbortSignal,
  likelyCauses: readonly string[] = [],
  testEndsAt?: number,
): TraceSession {
  const config = { ...getConfig(), ...overrides };
  return openTraceSession(
    {
      backend: resolveBackend(config),
      timeoutMs: config.timeout === undefined ? testTiming(undefined).timeout : toMilliseconds(config.timeout, 'timeout'),
      testEndsAt,
      quietWindowMs: toMilliseconds(config.quietWindow, 'quietWindow'),
      likelyCauses,
      external: config.external,
      settleOnEvidence: config.settleOnEvidence,
    },
    signal,
  );
}

/**
 * The session `traceTest` makes for one test that started now with the runner's timeout
 * `testTimeoutMs` (the test's own, else the configured one): deadlines end before the test does.
 */
export function createTestSession(
  runner: 'vitest' | 'jest',
  testTimeoutMs: number | undefined,
  signal: AbortSignal,
  causes: readonly string[] = [],
): TraceSession {
  const timing = testTiming(testTimeoutMs);
  return createTraceSession({ timeout: timing.timeout }, signal, [...noReceiverCauses(runner, getConfig()), ...causes], timing.testEndsAt);
}
