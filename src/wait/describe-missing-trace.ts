import { formatMilliseconds } from '../util/duration';
import { likelyCausesOfMissingTrace } from './likely-causes';
import type { PendingTrace } from './pending-trace';
import type { WaitOutcome } from './wait-for-trace';

/** The message for a trace of which nothing arrived: what was waited for, where, and the usual causes. */
export function describeMissingTrace(pending: PendingTrace, outcome: WaitOutcome): string {
  return [
    `No span of trace ${pending.traceId} arrived at the ${pending.backend.name} backend within ${formatMilliseconds(outcome.waitedMs)}.`,
    'Likely causes:',
    ...likelyCausesOfMissingTrace().map((cause) => `  - ${cause};`),
  ].join('\n');
}
