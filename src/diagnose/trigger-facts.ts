/** What traceproof knows of the request that started a trace, for diagnosing it. */
export interface TriggerFacts {
  readonly traceId: string;
  /** Epoch milliseconds when the trigger started. */
  readonly startedAt: number;
  /** The HTTP method and URL, when an HTTP request started the trace. */
  readonly method?: string | undefined;
  readonly url?: string | undefined;
}
