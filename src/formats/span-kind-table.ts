import type { SpanKind } from '../trace/span';

/** How one span kind is written in each format that has it; `undefined` where a format lacks it. */
export interface SpanKindEntry {
  readonly kind: SpanKind;
  /** OTLP's `Span.SpanKind` number; its enum name is `SPAN_KIND_` and the kind in upper case. */
  readonly otlp: number;
  /**
   * The OpenTelemetry API's `SpanKind` (what an SDK `ReadableSpan` carries): OTLP's number minus
   * one, as the API has no UNSPECIFIED.
   */
  readonly api: number | undefined;
  /** The `span.kind` tag that OpenTelemetry's Jaeger translator writes. */
  readonly jaegerTag: string | undefined;
  /** Zipkin v2's `kind` field. Zipkin has no internal kind: a span without one is local. */
  readonly zipkin: string | undefined;
}

/**
 * Every span kind, in OTLP's enum order, and its spelling in each format. Converters read kinds
 * through the lookups below, never through tables of their own.
 */
export const SPAN_KIND_TABLE: readonly SpanKindEntry[] = Object.freeze(
  [
    { kind: 'unspecified', otlp: 0, api: undefined, jaegerTag: undefined, zipkin: undefined },
    { kind: 'internal', otlp: 1, api: 0, jaegerTag: 'internal', zipkin: undefined },
    { kind: 'server', otlp: 2, api: 1, jaegerTag: 'server', zipkin: 'SERVER' },
    { kind: 'client', otlp: 3, api: 2, jaegerTag: 'client', zipkin: 'CLIENT' },
    { kind: 'producer', otlp: 4, api: 3, jaegerTag: 'producer', zipkin: 'PRODUCER' },
    { kind: 'consumer', otlp: 5, api: 4, jaegerTag: 'consumer', zipkin: 'CONSUMER' },
  ].map((entry) => Object.freeze(entry as SpanKindEntry)),
);

/** Every span kind, in OTLP's enum order. */
export const SPAN_KINDS: readonly SpanKind[] = Object.freeze(SPAN_KIND_TABLE.map((entry) => entry.kind));

/** The prefix of OTLP's `SpanKind` enum names: `SPAN_KIND_SERVER`. */
export const OTLP_SPAN_KIND_PREFIX = 'SPAN_KIND_';

/** The kind an OTLP `SpanKind` number names; `undefined` for a number the table does not have. */
export function spanKindFromOtlp(value: number): SpanKind | undefined {
  return SPAN_KIND_TABLE.find((entry) => entry.otlp === value)?.kind;
}

/** The kind an OTLP enum name (`SPAN_KIND_SERVER`) names; the part after the prefix in any case. */
export function spanKindFromOtlpName(name: string): SpanKind | undefined {
  if (!name.startsWith(OTLP_SPAN_KIND_PREFIX)) return undefined;
  const kind = name.slice(OTLP_SPAN_KIND_PREFIX.length).toLowerCase();
  return SPAN_KIND_TABLE.find((entry) => entry.kind === kind)?.kind;
}

/** The kind an OpenTelemetry API `SpanKind` number names (`SpanKind.SERVER` is 1). */
export function spanKindFromApi(value: number): SpanKind | undefined {
  return SPAN_KIND_TABLE.find((entry) => entry.api === value)?.kind;
}

/** The kind a Jaeger `span.kind` tag names, in any case. */
export function spanKindFromJaegerTag(value: string): SpanKind | undefined {
  const tag = value.toLowerCase();
  return SPAN_KIND_TABLE.find((entry) => entry.jaegerTag === tag)?.kind;
}

/** The kind a Zipkin v2 `kind` names (`SERVER`, exactly as Zipkin writes it). */
export function spanKindFromZipkin(value: string): SpanKind | undefined {
  return SPAN_KIND_TABLE.find((entry) => entry.zipkin === value)?.kind;
}
