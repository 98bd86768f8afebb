import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, SpanKind, trace, type Context, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type Sampler } from '@opentelemetry/sdk-trace-base';

export interface TracedServiceOptions {
  readonly service: string;
  /** Where its OTLP/HTTP exporter sends: `…/v1/traces`. */
  readonly exportTo: string;
  /** `ignore`: each request starts a new trace, as an uninstrumented or misconfigured server does. @default 'continue' */
  readonly traceparent?: 'continue' | 'ignore';
  /** Batches with this delay instead of exporting each span as it ends. */
  readonly batchDelayMs?: number;
  readonly sampler?: Sampler;
  /** Called for each request, inside its server span: another service, with the traceparent injected. */
  readonly downstream?: string;
}

export interface TracedService {
  readonly url: string;
  /** The trace id of each request served, in order (its server span's). */
  readonly servedTraceIds: string[];
  close(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();

/**
 * A real HTTP server on loopback whose handler records a server span `GET /orders/:id` with a
 * real OpenTelemetry SDK and exports it with the real OTLP/HTTP exporter; optionally it calls
 * `downstream` in a client span, sending traceparent.
 */
export async function startTracedService(options: TracedServiceOptions): Promise<TracedService> {
  const exporter = new OTLPTraceExporter({ url: options.exportTo });
  const processor =
    options.batchDelayMs === undefined
      ? new SimpleSpanProcessor(exporter)
      : new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.batchDelayMs });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [processor],
    ...(options.sampler ? { sampler: options.sampler } : {}),
  });
  const tracer = provider.getTracer('traceproof-diagnose-test');
  const servedTraceIds: string[] = [];
  const server = createServer((request, response) => {
    void serve(tracer, request, options).then(
      (traceId) => {
        servedTraceIds.push(traceId);
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    servedTraceIds,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await provider.shutdown();
    },
  };
}

async function serve(tracer: Tracer, request: IncomingMessage, options: TracedServiceOptions): Promise<string> {
  const incoming: Context =
    options.traceparent === 'ignore' ? ROOT_CONTEXT : propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
  const path = new URL(request.url ?? '/', 'http://service').pathname;
  const span = tracer.startSpan(
    'GET /orders/:id',
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': path, 'http.route': '/orders/:id' },
    },
    incoming,
  );
  const inServer = trace.setSpan(incoming, span);
  if (options.downstream) {
    const target = `${options.downstream}${path}`;
    const call = tracer.startSpan(
      'GET',
      { kind: SpanKind.CLIENT, attributes: { 'http.request.method': 'GET', 'url.full': target } },
      inServer,
    );
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(inServer, call), headers, defaultTextMapSetter);
    const answer = await fetch(target, { headers });
    await answer.arrayBuffer();
    call.end();
  }
  span.end();
  return span.spanContext().traceId;
}
