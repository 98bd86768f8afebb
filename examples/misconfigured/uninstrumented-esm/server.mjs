// An ESM service whose tracing bootstrap leaves out the loader hook (MISCONF_IMPORT_HOOK=off):
// the HTTP instrumentation patches require('http'), and this `import` never goes through it. So
// the server reads no traceparent and makes no server span of its own. The handler records the
// request in a span it makes by hand, as services do when the automatic one is missing; with no
// incoming context that span starts a trace of its own, and the caller's trace gets nothing.
// The answer names that trace.
import { SpanKind, trace } from '@opentelemetry/api';
import { serve } from '../../shop/services/lib/serve.mjs';

const tracer = trace.getTracer('uninstrumented-esm');

serve('uninstrumented-esm', [
  [
    'GET',
    '/hello',
    async () =>
      tracer.startActiveSpan(
        'GET /hello',
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'GET', 'url.path': '/hello', 'http.route': '/hello' } },
        (span) => {
          span.end();
          return { status: 200, json: { hello: 'world', traceId: span.spanContext().traceId } };
        },
      ),
  ],
]);
