/** A service of the misconfigured examples, running. */
export interface RunningService {
  readonly name: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `127.0.0.1:<port>`, as traceproof names a callee */
  readonly address: string;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface ServiceSpec {
  /** OTEL_SERVICE_NAME and the log's name. */
  name: string;
  /** Relative to examples/misconfigured, e.g. `lib/hello.mjs`. */
  script: string;
  /** Load lib/tracing.mjs first; default true. */
  traced?: boolean;
  /** On top of this process's env; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  readyTimeoutMs?: number;
}

/** A loopback port nobody listens on (free a moment ago). */
export declare function closedPort(): Promise<number>;
export declare function startService(spec: ServiceSpec): Promise<RunningService>;
export declare function startServices(specs: readonly ServiceSpec[]): Promise<RunningService[]>;
