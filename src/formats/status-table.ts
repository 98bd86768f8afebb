import type { SpanStatusCode } from '../trace/span';

/** How one status code is written in each format that has it; `undefined` where a format lacks it. */
export interface StatusCodeEntry {
  readonly code: SpanStatusCode;
  /** OTLP's `Status.StatusCode` number; its enum name is `STATUS_CODE_` and the code in upper case. */
  readonly otlp: number;
  /** The OpenTelemetry API's `SpanStatusCode` (what an SDK `ReadableSpan` carries): the same numbers as OTLP. */
  readonly api: number;
  /**
   * The value of the `otel.status_code` tag that OpenTelemetry's Jaeger and Zipkin exporters write
   * (`OTEL_EXPORTER_TAGS.statusCode`); they write none for an unset status.
   */
  readonly tag: string | undefined;
}

/**
 * Every status code, in OTLP's enum order, and its spelling in each format. Converters read
 * codes through the lookups below, never through tables of their own.
 */
export const STATUS_TABLE: readonly StatusCodeEntry[] = Object.freeze(
  [
    { code: 'unset', otlp: 0, api: 0, tag: undefined },
    { code: 'ok', otlp: 1, api: 1, tag: 'OK' },
    { code: 'error', otlp: 2, api: 2, tag: 'ERROR' },
  ].map((entry) => Object.freeze(entry as StatusCodeEntry)),
);

/** Every status code, in OTLP's enum order. */
export const STATUS_CODES: readonly SpanStatusCode[] = Object.freeze(STATUS_TABLE.map((entry) => entry.code));

/** The prefix of OTLP's `StatusCode` enum names: `STATUS_CODE_ERROR`. */
export const OTLP_STATUS_CODE_PREFIX = 'STATUS_CODE_';

/** The code an OTLP `StatusCode` number names; `undefined` for a number the table does not have. */
export function statusCodeFromOtlp(value: number): SpanStatusCode | undefined {
  return STATUS_TABLE.find((entry) => entry.otlp === value)?.code;
}

/** The code an OTLP enum name (`STATUS_CODE_ERROR`) names; the part after the prefix in any case. */
export function statusCodeFromOtlpName(name: string): SpanStatusCode | undefined {
  if (!name.startsWith(OTLP_STATUS_CODE_PREFIX)) return undefined;
  const code = name.slice(OTLP_STATUS_CODE_PREFIX.length).toLowerCase();
  return STATUS_TABLE.find((entry) => entry.code === code)?.code;
}

/** The code an OpenTelemetry API `SpanStatusCode` number names (`SpanStatusCode.ERROR` is 2). */
export function statusCodeFromApi(value: number): SpanStatusCode | undefined {
  return STATUS_TABLE.find((entry) => entry.api === value)?.code;
}

/**
 * The code an `otel.status_code` tag value names, compared exactly (`OK`, `ERROR`); a converter
 * that accepts other cases folds the value first.
 */
export function statusCodeFromTag(value: string): SpanStatusCode | undefined {
  return STATUS_TABLE.find((entry) => entry.tag === value)?.code;
}
