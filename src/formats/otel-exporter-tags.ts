/**
 * The tags that OpenTelemetry writes for span fields the Jaeger v1 and Zipkin v2 models lack
 * (Jaeger's OTLP translator, the Jaeger and Zipkin exporters). A converter turns them back into
 * those fields; they never stay among the attributes.
 * @see https://opentelemetry.io/docs/specs/otel/trace/sdk_exporters/zipkin/
 */
export const OTEL_EXPORTER_TAGS = Object.freeze({
  /** The span kind in Jaeger, in lower case (Zipkin has a `kind` field). */
  spanKind: 'span.kind',
  /** `OK` or `ERROR` (see `STATUS_TABLE`); absent while the status is unset. */
  statusCode: 'otel.status_code',
  /** The status message, where Jaeger's translator puts it. */
  statusDescription: 'otel.status_description',
  /**
   * A failed span. OpenTelemetry's Zipkin exporter puts the status message here; OpenTracing
   * tracers write `true`, Brave any value.
   */
  error: 'error',
  /** The instrumentation scope's name: `otel.scope.name`, or the older `otel.library.name`. */
  scopeName: Object.freeze(['otel.scope.name', 'otel.library.name']) as readonly string[],
  /** The instrumentation scope's version, in the same two spellings. */
  scopeVersion: Object.freeze(['otel.scope.version', 'otel.library.version']) as readonly string[],
});
