import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

type HrTime = [number, number];

/** `[s, ns]` rounded to a whole microsecond, carrying into the seconds. */
function roundToMicros([seconds, nanos]: HrTime): HrTime {
  const rounded = Math.round(nanos / 1000) * 1000;
  return rounded >= 1e9 ? [seconds + 1, rounded - 1e9] : [seconds, rounded];
}

/**
 * Wraps a Zipkin exporter so span start times are whole microseconds. OpenTelemetry's JS Zipkin
 * exporter (2.12) writes `timestamp` as fractional microseconds when the start has sub-µs digits
 * (it rounds `duration` and annotations, not `timestamp`), and Zipkin 3 answers such a span with
 * HTTP 400 "Expected a long" and drops it.
 */
export function wholeMicrosecondExporter(inner: SpanExporter): SpanExporter {
  return {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
      inner.export(
        spans.map(
          (span) =>
            Object.create(span, { startTime: { value: roundToMicros(span.startTime as HrTime), enumerable: true } }) as ReadableSpan,
        ),
        done,
      );
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
