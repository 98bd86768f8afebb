import { context, trace, SpanKind, SpanStatusCode, type Attributes as ApiAttributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** A trace recorded by the real OpenTelemetry SDK, ready to hand to an exporter. */
export interface SdkTrace {
  readonly traceId: string;
  readonly spans: ReadableSpan[];
}

/**
 * Records one trace of `size` spans (a server root and client children) with the SDK.
 * `rich` adds every attribute kind, events, links, an error status and, past what the SDK's
 * attribute checks allow, bytes and a key-value list (the exporters encode both).
 */
export function recordSdkTrace(options: { service?: string; size?: number; rich?: boolean } = {}): SdkTrace {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service ?? 'checkout', 'deployment.environment.name': 'test' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('traceproof-test', '1.2.3');
  const root = tracer.startSpan('GET /cart', {
    kind: SpanKind.SERVER,
    attributes: options.rich ? RICH_ATTRIBUTES : { 'http.request.method': 'GET' },
  });
  const parent = trace.setSpan(context.active(), root);
  for (let i = 1; i < (options.size ?? 3); i++) {
    const child = tracer.startSpan(`step ${i}`, { kind: SpanKind.CLIENT, attributes: { step: i } }, parent);
    if (options.rich && i === 1) {
      child.addEvent('cache miss', { 'cache.key': 'cart:42', attempt: 2 });
      child.addLink({ context: root.spanContext(), attributes: { 'link.reason': 'retry' } });
      child.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream timed out' });
    }
    child.end();
  }
  root.end();
  const spans = memory.getFinishedSpans().slice();
  return { traceId: root.spanContext().traceId, spans: options.rich ? spans.map(withBytesAndMap) : spans };
}

const RICH_ATTRIBUTES: ApiAttributes = {
  'http.request.method': 'GET',
  'http.response.status_code': 200,
  'negative.int': -7,
  ratio: 0.25,
  cached: false,
  tags: ['a', 'b'],
  ports: [80, 443],
  flags: [true, false],
};

function withBytesAndMap(span: ReadableSpan): ReadableSpan {
  if (span.parentSpanContext) return span;
  const attributes = { ...span.attributes, digest: new Uint8Array([0, 1, 254, 255]), owner: { name: 'ada', id: 7 } };
  return Object.assign(Object.create(span) as ReadableSpan, { attributes });
}
