import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** Exports spans with a real exporter and resolves once the receiver answered success. */
export function exportSpans(exporter: SpanExporter, spans: ReadableSpan[]): Promise<void> {
  return new Promise((resolve, reject) => {
    exporter.export(spans, (result) => {
      if (result.code === 0) resolve();
      else reject(result.error ?? new Error(`export failed with code ${result.code}`));
    });
  });
}
