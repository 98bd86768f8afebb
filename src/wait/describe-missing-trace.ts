import { formatMilliseconds } from '../util/duration';

/** What is known of a trace of which nothing arrived. */
export interface MissingTrace {
  readonly traceId: string;
  readonly backendName: string;
  readonly waitedMs: number;
  readonly likelyCauses: readonly string[];
  /** What the backend saw around the trace, as message lines. */
  readonly evidence?: readonly string[] | undefined;
}

/** The message for a trace of which nothing arrived: what was waited for, where, and the usual causes. */
export function describeMissingTrace(missing: MissingTrace): string {
  return [
    `No span of trace ${missing.traceId} arrived at the ${missing.backendName} backend within ${formatMilliseconds(missing.waitedMs)}.`,
    ...(missing.evidence ?? []),
    missing.evidence && missing.evidence.length > 0 ? 'Other likely causes:' : 'Likely causes:',
    ...missing.likelyCauses.map((cause) => `  - ${cause};`),
  ].join('\n');
}
