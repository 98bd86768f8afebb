import type { LogOnce } from './log-once';
import type { SpanStore } from '../store/span-store';

/** What the receiver's request handlers share. */
export interface ReceiverContext {
  readonly store: SpanStore;
  readonly maxBodyBytes: number;
  readonly maxWaitMs: number;
  readonly logOnce: LogOnce;
  /** Aborts when the receiver closes, ending long-polls. */
  readonly closing: AbortSignal;
}
