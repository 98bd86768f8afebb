import { Agent } from 'undici';
import type { TraceBackend } from '../src/backend/trace-backend';
import type { TraceSearch, TraceSearchAnswer } from '../src/backend/trace-search';
import { BackendError } from '../src/errors';
import { QUERY_PATH } from '../src/formats/query-path';
import { spanFromWire } from '../src/formats/wire-span';
import type { Span } from '../src/trace/span';
import { getBackendJson } from './support/get-backend-json';
import { readReceiverSearch } from './support/read-receiver-search';

export interface OtlpReceiverBackendOptions {
  /**
   * The receiver's query API, as its global setup publishes it; its OTLP/HTTP base URL works too.
   * @default process.env.TRACEPROOF_RECEIVER_URL
   */
  url?: string;
  /**
   * Longest single long-poll in milliseconds; the receiver may cut it shorter.
   * @default 25000
   */
  waitMs?: number;
  /**
   * Time limit of one fetch, in milliseconds; the caller's signal still applies.
   * @default 10000
   */
  timeoutMs?: number;
}

const NAME = 'otlp';
const SETUP_HINT =
  "Is the global setup configured? Add globalSetup: ['traceproof/vitest/global-setup'] to the test options of your Vitest config (Jest: globalSetup: 'traceproof/jest/global-setup' and globalTeardown: 'traceproof/jest/global-teardown').";

/**
 * Reads traces from traceproof's embedded OTLP receiver, which may run in another process (the
 * global setup's). Waits for changes with the receiver's long-poll, so a span is seen the moment
 * it is exported.
 * @example otlpReceiverBackend({ url: 'http://127.0.0.1:4318/traceproof/v1' })
 */
export function otlpReceiverBackend(options: OtlpReceiverBackendOptions = {}): TraceBackend & { close(): Promise<void> } {
  const configured = options.url ?? process.env.TRACEPROOF_RECEIVER_URL;
  if (!configured) {
    throw new BackendError(NAME, `Missing required option \`url\`, and TRACEPROOF_RECEIVER_URL is not set. ${SETUP_HINT}`);
  }
  const base = queryBase(configured);
  const waitMs = options.waitMs ?? 25_000;
  const timeoutMs = options.timeoutMs ?? 10_000;

  // A pool of its own, so that close() closes this backend's connections, long-polls included,
  // instead of leaving them open in the process-wide one.
  let agent: Agent | undefined;

  async function getJson(
    path: string,
    signal: AbortSignal,
    limitMs: number,
    expected: (json: Record<string, unknown>) => boolean = (json) => typeof json.version === 'number',
  ): Promise<Record<string, unknown>> {
    const url = `${base}${path}`;
    const { status, text, json } = await getBackendJson(url, signal, {
      timeoutMs: limitMs,
      dispatcher: (agent ??= new Agent()),
      unreachable: (why, cause) =>
        new BackendError(NAME, `Could not reach the traceproof receiver at ${base}: ${why}. ${SETUP_HINT}`, { cause }),
    });
    if (status !== 200 || typeof json !== 'object' || json === null || !expected(json as Record<string, unknown>)) {
      const detail =
        typeof (json as { error?: unknown } | undefined)?.error === 'string' ? (json as { error: string }).error : text.slice(0, 200);
      throw new BackendError(
        NAME,
        `The traceproof receiver at ${base} answered ${url} with HTTP ${status}: ${JSON.stringify(detail)}. Is ${base} the query URL that the global setup published in TRACEPROOF_RECEIVER_URL?`,
      );
    }
    return json as Record<string, unknown>;
  }

  return {
    name: NAME,

    async fetchTrace(traceId: string, signal: AbortSignal): Promise<readonly Span[]> {
      const answer = await getJson(`/traces/${encodeURIComponent(traceId)}`, signal, timeoutMs);
      try {
        if (!Array.isArray(answer.spans)) throw new TypeError('`spans` is not an array');
        return answer.spans.map((wire: unknown, i) => spanFromWire(wire, `spans[${i}]`));
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new BackendError(
          NAME,
          `The traceproof receiver at ${base} sent trace ${traceId} in a form this version cannot read: ${reason}`,
          { cause },
        );
      }
    },

    async waitForChange(traceId: string, version: number, signal: AbortSignal): Promise<number> {
      for (;;) {
        const answer = await getJson(
          `/traces/${encodeURIComponent(traceId)}?afterVersion=${version}&waitMs=${waitMs}&spans=false`,
          signal,
          waitMs + timeoutMs,
        );
        const current = answer.version as number;
        if (current > version) return current;
      }
    },

    async findTraces(search: TraceSearch, signal: AbortSignal): Promise<TraceSearchAnswer> {
      const query = `arrivedFrom=${Math.floor(search.from)}&arrivedTo=${Math.ceil(search.to)}&limit=${search.limit ?? 20}`;
      const answer = await getJson(`/traces?${query}`, signal, timeoutMs, (json) => Array.isArray(json.traces));
      try {
        return readReceiverSearch(answer);
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new BackendError(NAME, `The traceproof receiver at ${base} answered a search in a form this version cannot read: ${reason}`, {
          cause,
        });
      }
    },

    async close(): Promise<void> {
      const closing = agent;
      agent = undefined;
      await closing?.close();
    },
  };
}

function queryBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new BackendError(NAME, `Option \`url\` is not a URL: ${JSON.stringify(url)}. Expected e.g. http://127.0.0.1:4318${QUERY_PATH}.`, {
      cause,
    });
  }
  if (parsed.protocol !== 'http:') {
    throw new BackendError(NAME, `Option \`url\` must be an http: URL, got ${JSON.stringify(url)}.`);
  }
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith(QUERY_PATH) ? trimmed : `${trimmed}${QUERY_PATH}`;
}
