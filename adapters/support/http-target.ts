import { BackendError } from '../../src/errors';
import { redactUrlCredentials } from './redact-url-credentials';

/** Options every HTTP trace-store adapter takes. */
export interface HttpBackendOptions {
  /** Base URL of the query API, e.g. `http://127.0.0.1:16686`; user info becomes basic auth. */
  url: string;
  /** Sent with every request: `{ authorization: 'Bearer …' }`, a tenant header, … */
  headers?: Readonly<Record<string, string>>;
  /**
   * Time limit of one request, in milliseconds.
   * @default 10000
   */
  timeoutMs?: number;
}

/** The default of {@link HttpBackendOptions.timeoutMs}. */
export const DEFAULT_BACKEND_TIMEOUT_MS = 10_000;

/** Checks the options and turns them into a {@link BackendHttpTarget}. */
export function httpTarget(backend: string, product: string, options: HttpBackendOptions, defaultPort: number): BackendHttpTarget {
  const raw = (options as Partial<HttpBackendOptions> | undefined)?.url;
  if (typeof raw !== 'string' || raw === '') {
    throw new BackendError(backend, `Missing required option \`url\`, e.g. ${backend}Backend({ url: 'http://127.0.0.1:${defaultPort}' }).`);
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch (cause) {
    throw new BackendError(
      backend,
      `Option \`url\` is not a URL: ${JSON.stringify(redactUrlCredentials(raw))}. Expected e.g. http://127.0.0.1:${defaultPort}.`,
      { cause },
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new BackendError(backend, `Option \`url\` must be http: or https:, got ${JSON.stringify(redactUrlCredentials(raw))}.`);
  }
  // fetch refuses URLs with credentials, and messages must not print them: user info becomes
  // basic auth, unless an explicit authorization header is given.
  const auth: Record<string, string> = {};
  if (parsed.username || parsed.password) {
    const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    auth.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    parsed.username = '';
    parsed.password = '';
  }
  const baseUrl = parsed.href.replace(/\/+$/, '');
  return {
    backend,
    product,
    baseUrl,
    specExample: `${backend}+http://host:${defaultPort}`,
    headers: { ...auth, ...(options.headers ?? {}) },
    timeoutMs: options.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS,
  };
}

/** What the HTTP adapters know about the backend they ask, for requests and error messages. */
export interface BackendHttpTarget {
  /** Adapter name, as in messages: `jaeger`. */
  readonly backend: string;
  /** Product name for the hint: `Jaeger`. */
  readonly product: string;
  /** Base URL the user configured, without a trailing slash. */
  readonly baseUrl: string;
  /** The `TRACEPROOF_BACKEND` value a user would set, with a placeholder host. */
  readonly specExample: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Per-request time limit; the caller's signal still applies. */
  readonly timeoutMs: number;
}
