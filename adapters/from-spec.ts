import type { TraceBackend } from '../src/backend/trace-backend';
import { TraceproofError } from '../src/errors';
import { jaegerBackend } from './jaeger';
import { redactUrlCredentials } from './support/redact-url-credentials';
import { otlpReceiverBackend } from './otlp';
import { tempoBackend } from './tempo';
import { zipkinBackend } from './zipkin';

/** Options a spec string cannot carry. */
export interface BackendSpecOptions {
  /** Sent with every request (over basic auth from the URL's user info). */
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
}

const FORMS = 'jaeger+http://host:16686, tempo+http://host:3200, zipkin+http://host:9411 or otlp+http://host:4318';

/**
 * Turns a backend spec, as in `TRACEPROOF_BACKEND`, into a backend: `<kind>+<url>`, where kind
 * is `jaeger`, `tempo`, `zipkin` or `otlp` (traceproof's embedded receiver) and the URL is the
 * query API's base. User info in the URL becomes basic auth: `jaeger+https://user:pass@host`.
 * @example parseBackendSpec('jaeger+http://127.0.0.1:16686')
 */
export function parseBackendSpec(spec: string, options: BackendSpecOptions = {}): TraceBackend {
  const match = /^([a-z]+)\+(https?:\/\/.+)$/i.exec(spec.trim());
  if (!match) throw new TraceproofError(`Invalid backend spec ${JSON.stringify(redactUrlCredentials(spec))}: expected ${FORMS}.`);
  const kind = match[1]!.toLowerCase();
  try {
    new URL(match[2]!);
  } catch (cause) {
    throw new TraceproofError(
      `Invalid backend spec ${JSON.stringify(redactUrlCredentials(spec))}: ${JSON.stringify(redactUrlCredentials(match[2]!))} is not a URL.`,
      { cause },
    );
  }
  const common = {
    url: match[2]!,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  switch (kind) {
    case 'jaeger':
      return jaegerBackend(common);
    case 'tempo':
      return tempoBackend(common);
    case 'zipkin':
      return zipkinBackend(common);
    case 'otlp':
      return otlpReceiverBackend({ url: common.url, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
    default:
      throw new TraceproofError(
        `Unknown backend ${JSON.stringify(kind)} in ${JSON.stringify(redactUrlCredentials(spec))}: expected ${FORMS}.`,
      );
  }
}
