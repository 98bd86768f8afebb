import type { ReceiverLogger } from './receiver-options';

/** A logger that writes the first message of each kind and drops the rest. */
export type LogOnce = (kind: string, message: string) => void;

/** Makes a {@link LogOnce}; memory is bounded by the number of kinds, which the receiver fixes. */
export function createLogOnce(logger: ReceiverLogger): LogOnce {
  const logged = new Set<string>();
  return (kind, message) => {
    if (logged.has(kind)) return;
    logged.add(kind);
    logger.warn(`[traceproof] [receiver] ${message} (Logged once; later occurrences are not.)`);
  };
}
