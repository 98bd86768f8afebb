/** A value of a span attribute, resource attribute or event attribute (OTLP `AnyValue`). */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | Uint8Array
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

export type Attributes = Readonly<Record<string, AttributeValue>>;

/** OpenTelemetry span kind, lower-case as in Tracetest selectors (`kind="server"`). */
export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export type SpanStatusCode = 'unset' | 'ok' | 'error';

export interface SpanStatus {
  readonly code: SpanStatusCode;
  readonly message?: string;
}

export interface SpanEvent {
  readonly name: string;
  readonly timeUnixNano: bigint;
  readonly attributes: Attributes;
}

export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: Attributes;
}

export interface InstrumentationScope {
  readonly name: string;
  readonly version?: string;
}

/**
 * One span, as every backend's format converts into it. Ids are lower-case hex
 * (trace id 32 characters, span id 16); times are nanoseconds since the epoch.
 */
export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  /** Absent on a root span. */
  readonly parentSpanId?: string;
  readonly name: string;
  /** `service.name` of the span's resource; `unknown_service` when the exporter sent none. */
  readonly service: string;
  readonly kind: SpanKind;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly resource: Attributes;
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  readonly scope?: InstrumentationScope;
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
  /** End minus start, in milliseconds (fractional). */
  readonly durationMs: number;
}

/** The fields a converter fills in; `durationMs` and defaults are derived by {@link createSpan}. */
export interface SpanInit {
  traceId: string;
  spanId: string;
  parentSpanId?: string | undefined;
  name: string;
  service?: string | undefined;
  kind?: SpanKind | undefined;
  status?: SpanStatus | undefined;
  attributes?: Attributes | undefined;
  resource?: Attributes | undefined;
  events?: readonly SpanEvent[] | undefined;
  links?: readonly SpanLink[] | undefined;
  scope?: InstrumentationScope | undefined;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
}

const EMPTY_PARENT = /^0*$/;

/** Builds a frozen {@link Span}, normalising ids to lower-case hex and deriving the duration. */
export function createSpan(init: SpanInit): Span {
  const resource = init.resource ?? {};
  const serviceFromResource = resource['service.name'];
  const parent = init.parentSpanId?.toLowerCase();
  const span: Span = {
    traceId: init.traceId.toLowerCase(),
    spanId: init.spanId.toLowerCase(),
    ...(parent && !EMPTY_PARENT.test(parent) ? { parentSpanId: parent } : {}),
    name: init.name,
    service: init.service ?? (typeof serviceFromResource === 'string' ? serviceFromResource : 'unknown_service'),
    kind: init.kind ?? 'unspecified',
    status: init.status ?? { code: 'unset' },
    attributes: init.attributes ?? {},
    resource,
    events: init.events ?? [],
    links: init.links ?? [],
    ...(init.scope ? { scope: init.scope } : {}),
    startTimeUnixNano: init.startTimeUnixNano,
    endTimeUnixNano: init.endTimeUnixNano,
    durationMs: Number(init.endTimeUnixNano - init.startTimeUnixNano) / 1e6,
  };
  return Object.freeze(span);
}
