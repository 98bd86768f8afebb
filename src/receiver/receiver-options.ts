/** Where the receiver reports what it rejected; each kind of problem once. */
export interface ReceiverLogger {
  warn(message: string): void;
}

/** Options of {@link startReceiver}. */
export interface ReceiverOptions {
  /**
   * Interface to listen on. Spans can carry secrets; listen beyond loopback only on purpose.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Port of OTLP/HTTP and the query API; 0 picks a free one.
   * @default 0
   */
  httpPort?: number;
  /** Port of OTLP/gRPC; 0 picks a free one. Without it there is no gRPC server. */
  grpcPort?: number;
  /**
   * Largest request body, both as sent and after decompression (413 beyond it).
   * @default 16777216 (16 MiB)
   */
  maxBodyBytes?: number;
  /**
   * Spans kept in all; past it the traces updated longest ago are dropped.
   * @default 200000
   */
  maxSpans?: number;
  /**
   * Spans kept per trace; further spans are rejected (partial success).
   * @default 10000
   */
  maxSpansPerTrace?: number;
  /**
   * Longest long-poll of the query API, in milliseconds; longer `waitMs` are cut to it.
   * @default 30000
   */
  maxWaitMs?: number;
  /** @default console */
  logger?: ReceiverLogger;
}

export const RECEIVER_DEFAULTS = {
  host: '127.0.0.1',
  maxBodyBytes: 16 * 1024 * 1024,
  maxWaitMs: 30_000,
} as const;
