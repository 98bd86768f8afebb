import { TraceproofError } from '../errors';
import {
  createSpan,
  type AttributeValue,
  type Attributes,
  type InstrumentationScope,
  type Span,
  type SpanEvent,
  type SpanKind,
  type SpanLink,
  type SpanStatusCode,
} from '../trace/span';
import { SPAN_KINDS } from './span-kind-table';
import { STATUS_CODES } from './status-table';

/**
 * An attribute value in JSON. Values JSON cannot hold are tagged objects; a key-value list is
 * tagged too, so a tag can never be mistaken for user data.
 */
export type WireValue =
  | string
  | number
  | boolean
  | null
  | readonly WireValue[]
  | { readonly $bytes: string }
  | { readonly $double: 'NaN' | 'Infinity' | '-Infinity' }
  | { readonly $kvlist: { readonly [key: string]: WireValue } };

export type WireAttributes = { readonly [key: string]: WireValue };

/**
 * A {@link Span} as the receiver's query API sends it: times are decimal strings of nanoseconds,
 * attributes are {@link WireAttributes}, and `durationMs` is left to {@link spanFromWire}.
 */
export type WireSpan = Wire<Omit<Span, 'durationMs'>>;

/** `T` in JSON, down through its events and links. */
type Wire<T> = {
  readonly [K in keyof T]: T[K] extends bigint
    ? string
    : T[K] extends readonly (infer Item)[]
      ? readonly Wire<Item>[]
      : T[K] extends Attributes
        ? WireAttributes
        : T[K];
};

/** Turns a span into JSON-safe data that {@link spanFromWire} restores exactly. */
export function spanToWire(span: Span): WireSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId !== undefined ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    service: span.service,
    kind: span.kind,
    status: span.status,
    attributes: attributesToWire(span.attributes),
    resource: attributesToWire(span.resource),
    events: span.events.map((e) => ({ name: e.name, timeUnixNano: String(e.timeUnixNano), attributes: attributesToWire(e.attributes) })),
    links: span.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, attributes: attributesToWire(l.attributes) })),
    ...(span.scope ? { scope: span.scope } : {}),
    startTimeUnixNano: String(span.startTimeUnixNano),
    endTimeUnixNano: String(span.endTimeUnixNano),
  };
}

const KIND_NAMES: ReadonlySet<string> = new Set(SPAN_KINDS);
const STATUS_CODE_NAMES: ReadonlySet<string> = new Set(STATUS_CODES);
const NANOS = /^\d+$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const SPECIAL_DOUBLES: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * Restores a span sent by the receiver's query API.
 * @throws TraceproofError naming the bad field when `wire` is not a {@link WireSpan}.
 * @example (await response.json()).spans.map((s, i) => spanFromWire(s, `spans[${i}]`))
 */
export function spanFromWire(wire: unknown, path = 'span'): Span {
  const s = record(wire, path);
  const status = record(s.status, `${path}.status`);
  const statusCode = oneOf(status.code, STATUS_CODE_NAMES, `${path}.status.code`) as SpanStatusCode;
  const statusMessage = optional(status.message, `${path}.status.message`, string);
  return createSpan({
    traceId: matching(s.traceId, TRACE_ID, `${path}.traceId`),
    spanId: matching(s.spanId, SPAN_ID, `${path}.spanId`),
    parentSpanId: optional(s.parentSpanId, `${path}.parentSpanId`, (v, p) => matching(v, SPAN_ID, p)),
    name: string(s.name, `${path}.name`),
    service: string(s.service, `${path}.service`),
    kind: oneOf(s.kind, KIND_NAMES, `${path}.kind`) as SpanKind,
    status: statusMessage === undefined ? { code: statusCode } : { code: statusCode, message: statusMessage },
    attributes: attributesFromWire(s.attributes, `${path}.attributes`),
    resource: attributesFromWire(s.resource, `${path}.resource`),
    events: list(s.events, `${path}.events`, eventFromWire),
    links: list(s.links, `${path}.links`, linkFromWire),
    scope: optional(s.scope, `${path}.scope`, scopeFromWire),
    startTimeUnixNano: nanos(s.startTimeUnixNano, `${path}.startTimeUnixNano`),
    endTimeUnixNano: nanos(s.endTimeUnixNano, `${path}.endTimeUnixNano`),
  });
}

function attributesToWire(attributes: Attributes): WireAttributes {
  return Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, valueToWire(value)]));
}

function valueToWire(value: AttributeValue): WireValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : { $double: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
  }
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.length).toString('base64') };
  if (Array.isArray(value)) return (value as readonly AttributeValue[]).map(valueToWire);
  return { $kvlist: attributesToWire(value as Attributes) };
}

function attributesFromWire(value: unknown, path: string): Attributes {
  const r = record(value, path);
  return Object.freeze(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, valueFromWire(v, `${path}[${JSON.stringify(k)}]`)])));
}

function valueFromWire(value: unknown, path: string): AttributeValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return Object.freeze(value.map((v: unknown, i) => valueFromWire(v, `${path}[${i}]`)));
  const tagged = record(value, path);
  if (typeof tagged.$bytes === 'string') return new Uint8Array(Buffer.from(tagged.$bytes, 'base64'));
  if (typeof tagged.$double === 'string' && tagged.$double in SPECIAL_DOUBLES) return SPECIAL_DOUBLES[tagged.$double]!;
  if (tagged.$kvlist !== undefined) return attributesFromWire(tagged.$kvlist, `${path}.$kvlist`);
  throw invalid(path, 'expected a JSON value or a {$bytes}, {$double} or {$kvlist} tag');
}

function eventFromWire(value: unknown, path: string): SpanEvent {
  const e = record(value, path);
  return Object.freeze({
    name: string(e.name, `${path}.name`),
    timeUnixNano: nanos(e.timeUnixNano, `${path}.timeUnixNano`),
    attributes: attributesFromWire(e.attributes, `${path}.attributes`),
  });
}

function linkFromWire(value: unknown, path: string): SpanLink {
  const l = record(value, path);
  return Object.freeze({
    traceId: matching(l.traceId, TRACE_ID, `${path}.traceId`),
    spanId: matching(l.spanId, SPAN_ID, `${path}.spanId`),
    attributes: attributesFromWire(l.attributes, `${path}.attributes`),
  });
}

function scopeFromWire(value: unknown, path: string): InstrumentationScope {
  const s = record(value, path);
  const version = optional(s.version, `${path}.version`, string);
  const name = string(s.name, `${path}.name`);
  return Object.freeze(version === undefined ? { name } : { name, version });
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, 'expected an object');
  return value as Record<string, unknown>;
}

function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): readonly T[] {
  if (!Array.isArray(value)) throw invalid(path, 'expected an array');
  return Object.freeze(value.map((v: unknown, i) => item(v, `${path}[${i}]`)));
}

function optional<T>(value: unknown, path: string, read: (value: unknown, path: string) => T): T | undefined {
  return value === undefined ? undefined : read(value, path);
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalid(path, 'expected a string');
  return value;
}

function matching(value: unknown, pattern: RegExp, path: string): string {
  const s = string(value, path);
  if (!pattern.test(s)) throw invalid(path, `expected an id in lower-case hex, got ${JSON.stringify(s.slice(0, 40))}`);
  return s;
}

function oneOf(value: unknown, allowed: ReadonlySet<string>, path: string): string {
  if (typeof value !== 'string' || !allowed.has(value)) throw invalid(path, `expected one of ${[...allowed].join(', ')}`);
  return value;
}

function nanos(value: unknown, path: string): bigint {
  if (typeof value !== 'string' || !NANOS.test(value)) throw invalid(path, 'expected nanoseconds as a decimal string');
  return BigInt(value);
}

function invalid(path: string, reason: string): TraceproofError {
  return new TraceproofError(`Invalid span from the receiver at ${path}: ${reason}.`);
}
