// Sends the bench's known trace with the real OpenTelemetry SDK and a backend's real exporter:
//   GET /checkout (server) ── load cart, SELECT prices (client), reserve stock, last
// Five spans, a fresh random trace id each time, exported in one request by forceFlush().
import { context, trace, SpanKind } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { now } from '../lib/now.mjs';

export const SPAN_COUNT = 5;
export const ROOT_NAME = 'GET /checkout';
export const LAST_NAME = 'last';
export const SERVICE_NAME = 'traceproof-bench-shop';
export const SPAN_PROCESSOR =
  'BatchSpanProcessor (SDK defaults), forceFlush() right after the root span ends: one export request of 5 spans per trace';

/**
 * Ends the trace, calls `onTriggered(traceId, triggeredAt)` at the moment a test would get its
 * response (root ended, nothing exported yet), then flushes. Resolves with the flush times.
 */
export async function sendKnownTrace(makeExporter, onTriggered) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(makeExporter())],
  });
  const tracer = provider.getTracer('traceproof-bench');
  const root = tracer.startSpan(ROOT_NAME, {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': 'GET', 'http.route': '/checkout' },
  });
  const inRoot = trace.setSpan(context.active(), root);
  const children = [
    ['load cart', SpanKind.INTERNAL, {}],
    ['SELECT prices', SpanKind.CLIENT, { 'db.system.name': 'sqlite', 'db.operation.name': 'SELECT' }],
    ['reserve stock', SpanKind.INTERNAL, {}],
    [LAST_NAME, SpanKind.INTERNAL, {}],
  ];
  for (const [name, kind, attributes] of children) tracer.startSpan(name, { kind, attributes }, inRoot).end();
  root.end();
  const traceId = root.spanContext().traceId;
  const triggeredAt = now();
  onTriggered(traceId, triggeredAt);
  try {
    await provider.forceFlush();
    return { traceId, triggeredAt, flushedAt: now() };
  } finally {
    await provider.shutdown();
  }
}
