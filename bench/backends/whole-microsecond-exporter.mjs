// Plain-JS twin of test/adapters/whole-microsecond-exporter.ts. OpenTelemetry's JS Zipkin
// exporter (2.12) writes `timestamp` as fractional microseconds when a span's start has sub-µs
// digits, and Zipkin 3 answers such a span with HTTP 400 "Expected a long" and drops it; this
// wrapper rounds start times to whole microseconds before export.

/** `[s, ns]` rounded to a whole microsecond, carrying into the seconds. */
function roundToMicros([seconds, nanos]) {
  const rounded = Math.round(nanos / 1000) * 1000;
  return rounded >= 1e9 ? [seconds + 1, rounded - 1e9] : [seconds, rounded];
}

export function wholeMicrosecondExporter(inner) {
  return {
    export(spans, done) {
      inner.export(
        spans.map((span) => Object.create(span, { startTime: { value: roundToMicros(span.startTime), enumerable: true } })),
        done,
      );
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
