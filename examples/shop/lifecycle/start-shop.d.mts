/** What a running shop looks like to tests. */
export interface ShopInfo {
  /** The public edge; tests talk to it. */
  gatewayUrl: string;
  ordersUrl: string;
  inventoryUrl: string;
  paymentsUrl: string;
  /** `payments` (the Python service) or `payments-fallback` (Node, when Python is not set up). */
  paymentsService: 'payments' | 'payments-fallback';
  /** Whether the Python payments service is running. */
  python: boolean;
  /** Why Python is off and how to turn it on; `undefined` when it runs. */
  pythonNotice: string | undefined;
  pids: Record<string, number>;
  /** Service logs, one file per service. */
  logDir: string;
}

export interface StartShopOptions {
  /** Where services export spans; default `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  otlpEndpoint?: string;
  /** `auto` (default; `require` under CI=true): use the Python service when its env is set up. */
  python?: 'auto' | 'require' | 'off';
  /** How long the services, started together, may take to answer /health; default 20000. */
  readyTimeoutMs?: number;
  /** Where `readyTimeoutMs` came from (e.g. "hookTimeout of the Vitest config"), for the failure message. */
  readyTimeoutSource?: string;
  /** Extra env for every service, e.g. `{ SHOP_SPAN_PROCESSOR: 'batch' }`. */
  env?: Record<string, string>;
}

export interface RunningShop extends ShopInfo {
  /** Stops every service by PID (SIGTERM, then SIGKILL); removes the logs unless `keepLogs`. */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
}

export declare function startShop(options?: StartShopOptions): Promise<RunningShop>;
