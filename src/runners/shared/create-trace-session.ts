import { resolveBackend } from '../../../adapters/resolve-backend';
import { getConfig, type TraceproofConfig } from '../../config';
import { openTraceSession, type TraceSession } from '../../trigger/trace-session';
import { toMilliseconds } from '../../util/duration';

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
): TraceSession {
  const config = { ...getConfig(), ...overrides };
  return openTraceSession(
    {
      backend: resolveBackend(config),
      timeoutMs: toMilliseconds(config.timeout, 'timeout'),
      quietWindowMs: toMilliseconds(config.quietWindow, 'quietWindow'),
      likelyCauses,
    },
    signal,
  );
}
