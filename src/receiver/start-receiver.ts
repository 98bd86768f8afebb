import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TraceproofError } from '../errors';
import { handleOtlpHttp } from './handle-otlp-http';
import { handleQuery } from './handle-query';
import { QUERY_PATH } from '../formats/query-path';
import { createLogOnce } from './log-once';
import type { ReceiverContext } from './receiver-context';
import { ReceiverListenError } from './receiver-listen-error';
import { RECEIVER_DEFAULTS, type ReceiverOptions } from './receiver-options';
import { SpanStore } from '../store/span-store';
import { startGrpcServer, type GrpcServerHandle } from './start-grpc-server';

/** A running embedded receiver. */
export interface Receiver {
  /** OTLP/HTTP base URL, the value for `OTEL_EXPORTER_OTLP_ENDPOINT`: `http://127.0.0.1:4318`. */
  readonly otlpHttpUrl: string;
  /** Full URL of trace exports, for an exporter's `url` option: `http://127.0.0.1:4318/v1/traces`. */
  readonly otlpTracesUrl: string;
  /** OTLP/gRPC endpoint, when `grpcPort` was given: `http://127.0.0.1:4317`. */
  readonly grpcUrl?: string;
  /** Base URL of the query API: `http://127.0.0.1:4318/traceproof/v1`. */
  readonly queryUrl: string;
  readonly store: SpanStore;
  /** Stops listening, ends pending long-polls and drops connections. */
  close(): Promise<void>;
}

/**
 * Starts the embedded OTLP receiver: OTLP/HTTP (`POST /v1/traces`, protobuf or JSON, gzip) and the
 * query API on one port, OTLP/gRPC on another when asked. Listens on 127.0.0.1 by default.
 * @example
 * const receiver = await startReceiver({ grpcPort: 0 });
 * new OTLPTraceExporter({ url: receiver.otlpTracesUrl });
 */
export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const host = options.host ?? RECEIVER_DEFAULTS.host;
  const logOnce = createLogOnce(options.logger ?? console);
  const store = new SpanStore({
    ...(options.maxSpans !== undefined ? { maxSpans: options.maxSpans } : {}),
    ...(options.maxSpansPerTrace !== undefined ? { maxSpansPerTrace: options.maxSpansPerTrace } : {}),
    owner: 'receiver',
    onEvict: () => logOnce('evicted', `Dropped the traces updated longest ago to stay under ${store.maxSpans} spans (maxSpans).`),
  });
  const closing = new AbortController();
  const context: ReceiverContext = {
    store,
    maxBodyBytes: positive(options.maxBodyBytes ?? RECEIVER_DEFAULTS.maxBodyBytes, 'maxBodyBytes'),
    maxWaitMs: positive(options.maxWaitMs ?? RECEIVER_DEFAULTS.maxWaitMs, 'maxWaitMs'),
    logOnce,
    closing: closing.signal,
  };

  const server = createServer((request, response) => {
    route(request, response, context).catch((error: unknown) => {
      logOnce(
        'internal',
        `Failed on ${request.method ?? ''} ${request.url ?? ''}: ${error instanceof Error ? error.message : String(error)}.`,
      );
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  // Exporters keep their connections open between batches. Node closes an idle one after 5 s, and
  // an export sent on it as it closes fails with ECONNRESET and is retried a second or more later:
  // its spans then arrive after the trace looked settled.
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  server.headersTimeout = IDLE_CONNECTION_MS + 5_000;
  const httpPort = await listen(server, host, port(options.httpPort ?? 0, 'httpPort'));
  let grpc: GrpcServerHandle | undefined;
  if (options.grpcPort !== undefined) {
    try {
      grpc = await startGrpcServer(host, port(options.grpcPort, 'grpcPort'), context);
    } catch (error) {
      await closeHttp(server);
      throw error;
    }
  }

  const origin = `http://${host.includes(':') ? `[${host}]` : host}`;
  const otlpHttpUrl = `${origin}:${httpPort}`;
  let closed: Promise<void> | undefined;
  return {
    otlpHttpUrl,
    otlpTracesUrl: `${otlpHttpUrl}/v1/traces`,
    ...(grpc ? { grpcUrl: `${origin}:${grpc.port}` } : {}),
    queryUrl: `${otlpHttpUrl}${QUERY_PATH}`,
    store,
    close: () => {
      closed ??= (async () => {
        closing.abort();
        // Let the long-polls that closing just ended send their answers before connections drop.
        await new Promise((resolve) => setImmediate(resolve));
        await Promise.all([closeHttp(server), grpc?.close()]);
      })();
      return closed;
    },
  };
}

async function route(request: IncomingMessage, response: ServerResponse, context: ReceiverContext): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://receiver');
  if (url.pathname === '/v1/traces') return handleOtlpHttp(request, response, context);
  if (url.pathname === QUERY_PATH || url.pathname.startsWith(`${QUERY_PATH}/`)) return handleQuery(request, url, response, context);
  const body = Buffer.from(JSON.stringify({ code: 5, message: `Not found: ${url.pathname}. OTLP traces go to POST /v1/traces.` }));
  request.resume();
  response.writeHead(404, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(new ReceiverListenError('OTLP/HTTP', host, port, error.code, { cause: error }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** How long an exporter's idle connection is kept open; close() still ends every connection at once. */
const IDLE_CONNECTION_MS = 120_000;

function closeHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function port(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new TraceproofError(`${name} must be a port number from 0 to 65535, got ${value}.`, { scope: 'receiver' });
  }
  return value;
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new TraceproofError(`${name} must be a positive number, got ${value}.`, { scope: 'receiver' });
  return value;
}
