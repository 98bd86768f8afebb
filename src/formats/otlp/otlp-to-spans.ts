import { isRecord } from '../json-fields';
import { createSpan, type Attributes, type InstrumentationScope, type Span, type SpanEvent, type SpanLink } from '../../trace/span';
import { OtlpFormatError } from './otlp-format-error';
import { otlpAttributes } from './otlp-attributes';
import { optionalOtlpIdToHex, otlpIdToHex } from './otlp-id-to-hex';
import { otlpNanos } from './otlp-nanos';
import { otlpSpanKind } from './otlp-span-kind';
import { otlpStatus } from './otlp-status';

export interface OtlpToSpansOptions {
  /**
   * Receives each span that cannot be converted, which is then left out. Without it the first
   * such span throws. Errors outside spans (resource, scope, structure) always throw.
   */
  onInvalidSpan?: (error: OtlpFormatError) => void;
}

/**
 * Converts an OTLP `ExportTraceServiceRequest` (or `TracesData`), as plain objects with
 * lowerCamelCase keys, into spans. The shape is the one OTLP/JSON parses to and the protobuf
 * decoder produces, so both encodings share this code.
 * @throws OtlpFormatError naming the path of the bad field.
 */
export function otlpToSpans(request: unknown, options: OtlpToSpansOptions = {}): Span[] {
  if (!isRecord(request)) throw new OtlpFormatError('', 'expected an ExportTraceServiceRequest object');
  // Tempo's trace-by-id API answers `{ batches: [...] }` with the same content.
  const key = request.resourceSpans === undefined && request.batches !== undefined ? 'batches' : 'resourceSpans';
  const spans: Span[] = [];
  forEachItem(request[key], key, (resourceSpans, rsPath) => {
    const resource = otlpResource(resourceSpans.resource, `${rsPath}.resource`);
    const scoped = scopeSpansOf(resourceSpans);
    forEachItem(resourceSpans[scoped], `${rsPath}.${scoped}`, (scopeSpans, ssPath) => {
      const scopeKey =
        scopeSpans.scope === undefined && scopeSpans.instrumentationLibrary !== undefined ? 'instrumentationLibrary' : 'scope';
      const scope = otlpScope(scopeSpans[scopeKey], `${ssPath}.${scopeKey}`);
      const list = scopeSpans.spans;
      if (list === undefined || list === null) return;
      if (!Array.isArray(list)) throw new OtlpFormatError(`${ssPath}.spans`, 'expected an array of Span');
      for (let i = 0; i < list.length; i++) {
        try {
          spans.push(spanFromOtlp(list[i], `${ssPath}.spans[${i}]`, resource, scope));
        } catch (error) {
          if (!(error instanceof OtlpFormatError) || !options.onInvalidSpan) throw error;
          options.onInvalidSpan(error);
        }
      }
    });
  });
  return spans;
}

function spanFromOtlp(raw: unknown, path: string, resource: Attributes, scope: InstrumentationScope | undefined): Span {
  if (!isRecord(raw)) throw new OtlpFormatError(path, 'expected a Span object');
  return createSpan({
    traceId: otlpIdToHex(raw.traceId, 16, `${path}.traceId`),
    spanId: otlpIdToHex(raw.spanId, 8, `${path}.spanId`),
    parentSpanId: optionalOtlpIdToHex(raw.parentSpanId, 8, `${path}.parentSpanId`),
    name: optionalString(raw.name, `${path}.name`) ?? '',
    kind: otlpSpanKind(raw.kind, `${path}.kind`),
    status: otlpStatus(raw.status, `${path}.status`),
    attributes: otlpAttributes(raw.attributes, `${path}.attributes`),
    resource,
    events: mapItems(raw.events, `${path}.events`, eventFromOtlp),
    links: mapItems(raw.links, `${path}.links`, linkFromOtlp),
    scope,
    startTimeUnixNano: otlpNanos(raw.startTimeUnixNano, `${path}.startTimeUnixNano`),
    endTimeUnixNano: otlpNanos(raw.endTimeUnixNano, `${path}.endTimeUnixNano`),
  });
}

function eventFromOtlp(raw: Record<string, unknown>, path: string): SpanEvent {
  return Object.freeze({
    name: optionalString(raw.name, `${path}.name`) ?? '',
    timeUnixNano: otlpNanos(raw.timeUnixNano, `${path}.timeUnixNano`),
    attributes: otlpAttributes(raw.attributes, `${path}.attributes`),
  });
}

function linkFromOtlp(raw: Record<string, unknown>, path: string): SpanLink {
  return Object.freeze({
    traceId: otlpIdToHex(raw.traceId, 16, `${path}.traceId`),
    spanId: otlpIdToHex(raw.spanId, 8, `${path}.spanId`),
    attributes: otlpAttributes(raw.attributes, `${path}.attributes`),
  });
}

function otlpResource(raw: unknown, path: string): Attributes {
  if (raw === undefined || raw === null) return otlpAttributes(undefined, path);
  if (!isRecord(raw)) throw new OtlpFormatError(path, 'expected a Resource object');
  return otlpAttributes(raw.attributes, `${path}.attributes`);
}

function otlpScope(raw: unknown, path: string): InstrumentationScope | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw new OtlpFormatError(path, 'expected an InstrumentationScope object');
  const name = optionalString(raw.name, `${path}.name`) ?? '';
  const version = optionalString(raw.version, `${path}.version`);
  return Object.freeze(version ? { name, version } : { name });
}

/** `scopeSpans`, or the `instrumentationLibrarySpans` that exporters sent before OTLP 0.15. */
function scopeSpansOf(resourceSpans: Record<string, unknown>): 'scopeSpans' | 'instrumentationLibrarySpans' {
  const current = resourceSpans.scopeSpans;
  const legacy = resourceSpans.instrumentationLibrarySpans;
  const isEmpty = current === undefined || current === null || (Array.isArray(current) && current.length === 0);
  return isEmpty && legacy !== undefined && legacy !== null ? 'instrumentationLibrarySpans' : 'scopeSpans';
}

function forEachItem(list: unknown, path: string, visit: (item: Record<string, unknown>, path: string) => void): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) throw new OtlpFormatError(path, 'expected an array');
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const itemPath = `${path}[${i}]`;
    if (!isRecord(item)) throw new OtlpFormatError(itemPath, 'expected an object');
    visit(item, itemPath);
  }
}

const NONE: readonly never[] = Object.freeze([]);

function mapItems<T>(list: unknown, path: string, map: (item: Record<string, unknown>, path: string) => T): readonly T[] {
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) return NONE;
  if (!Array.isArray(list)) throw new OtlpFormatError(path, 'expected an array');
  return Object.freeze(
    list.map((item: unknown, i) => {
      const itemPath = `${path}[${i}]`;
      if (!isRecord(item)) throw new OtlpFormatError(itemPath, 'expected an object');
      return map(item, itemPath);
    }),
  );
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new OtlpFormatError(path, `expected a string, got ${typeof value}`);
  return value;
}
