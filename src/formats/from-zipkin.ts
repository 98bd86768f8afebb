import { TraceproofError } from '../errors';
import { describeJsonValue, isRecord, jsonFieldReaders } from './json-fields';
import { OTEL_EXPORTER_TAGS } from './otel-exporter-tags';
import { spanKindFromZipkin } from './span-kind-table';
import { statusCodeFromTag } from './status-table';
import { createSpan, type AttributeValue, type Span, type SpanEvent, type SpanStatus } from '../trace/span';

/**
 * What Zipkin's v2 model cannot carry, so a converted span never has it. Zipkin folds span and
 * service names to lower case when it stores them; tag values are strings; span links, span
 * kind `internal` vs `unspecified`, event attributes and the resource/attribute split are lost.
 */
export const ZIPKIN_LIMITS = Object.freeze({
  lowerCasesNames: true,
  links: false,
  typedAttributes: false,
  eventAttributes: false,
  timePrecisionNanos: 1000,
});

/**
 * Exporters copy resource attributes into each span's tags; these semantic-convention
 * namespaces are resource attributes by definition, so they go back to `resource`.
 */
const RESOURCE_PREFIXES = [
  'service.',
  'telemetry.sdk.',
  'telemetry.distro.',
  'host.',
  'os.',
  'process.',
  'container.',
  'k8s.',
  'cloud.',
  'deployment.',
];

/** Invalid Zipkin v2 JSON: `path` names the bad field (`[3].id`). */
export class ZipkinFormatError extends TraceproofError {
  override name = 'ZipkinFormatError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Invalid Zipkin trace data: ${path ? `${path}: ` : ''}${reason}`);
  }
}

const { hexId, micros } = jsonFieldReaders(ZipkinFormatError);

/**
 * Converts Zipkin's v2 JSON (the body of `GET /api/v2/trace/{id}`: an array of spans) into
 * {@link Span}s. Times are microseconds in Zipkin, so nanosecond fields end in `000`.
 * @example spansFromZipkinJson(await (await fetch(`${zipkin}/api/v2/trace/${id}`)).json())
 */
export function spansFromZipkinJson(body: unknown): Span[] {
  if (!Array.isArray(body)) throw new ZipkinFormatError('', `expected an array of spans, got ${describeJsonValue(body)}`);
  return body.map((raw, i) => spanFromZipkin(raw, `[${i}]`));
}

function spanFromZipkin(raw: unknown, path: string): Span {
  if (!isRecord(raw)) throw new ZipkinFormatError(path, `expected a span object, got ${describeJsonValue(raw)}`);
  const traceId = hexId(raw.traceId, `${path}.traceId`, 32);
  const spanId = hexId(raw.id, `${path}.id`, 16);
  const parentSpanId = raw.parentId === undefined || raw.parentId === null ? undefined : hexId(raw.parentId, `${path}.parentId`, 16);
  // Zipkin keeps a span without `timestamp` when only part of it arrived; it still belongs to the trace.
  const start = raw.timestamp === undefined ? 0n : micros(raw.timestamp, `${path}.timestamp`);
  const duration = raw.duration === undefined ? 0n : micros(raw.duration, `${path}.duration`);
  const tags = isRecord(raw.tags) ? raw.tags : {};
  const attributes: Record<string, AttributeValue> = {};
  const serviceName =
    isRecord(raw.localEndpoint) && typeof raw.localEndpoint.serviceName === 'string' ? raw.localEndpoint.serviceName : undefined;
  const resource: Record<string, AttributeValue> = serviceName ? { 'service.name': serviceName } : {};
  let scopeName: string | undefined;
  let scopeVersion: string | undefined;
  // The tags OpenTelemetry's Zipkin exporters write for the span status and scope are not attributes.
  for (const [key, value] of Object.entries(tags)) {
    const text = typeof value === 'string' ? value : String(value);
    if (key === OTEL_EXPORTER_TAGS.statusCode || key === OTEL_EXPORTER_TAGS.error) continue;
    if (OTEL_EXPORTER_TAGS.scopeName.includes(key)) scopeName = text;
    else if (OTEL_EXPORTER_TAGS.scopeVersion.includes(key)) scopeVersion = text;
    else if (RESOURCE_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      if (key !== 'service.name') resource[key] = text;
    } else attributes[key] = text;
  }
  const events: SpanEvent[] = [];
  if (Array.isArray(raw.annotations)) {
    raw.annotations.forEach((annotation, i) => {
      if (!isRecord(annotation) || typeof annotation.value !== 'string') {
        throw new ZipkinFormatError(`${path}.annotations[${i}]`, 'expected { timestamp, value }');
      }
      events.push(
        Object.freeze({
          name: annotation.value,
          timeUnixNano: micros(annotation.timestamp, `${path}.annotations[${i}].timestamp`),
          attributes: Object.freeze({}),
        }),
      );
    });
  }
  return createSpan({
    traceId,
    spanId,
    parentSpanId,
    name: typeof raw.name === 'string' ? raw.name : '',
    service: serviceName,
    kind: typeof raw.kind === 'string' ? (spanKindFromZipkin(raw.kind) ?? 'unspecified') : 'internal',
    status: statusFromTags(tags),
    attributes: Object.freeze(attributes),
    resource: Object.freeze(resource),
    events: Object.freeze(events),
    scope: scopeName ? { name: scopeName, ...(scopeVersion ? { version: scopeVersion } : {}) } : undefined,
    startTimeUnixNano: start,
    endTimeUnixNano: start + duration,
  });
}

/**
 * OpenTelemetry exporters write `otel.status_code` (`OK`/`ERROR`) and put the error message in
 * `error`; Zipkin-native tracers (Brave) only set `error`, whose presence alone means failure.
 */
function statusFromTags(tags: Readonly<Record<string, unknown>>): SpanStatus {
  const code = tags[OTEL_EXPORTER_TAGS.statusCode];
  const error = tags[OTEL_EXPORTER_TAGS.error];
  const named = typeof code === 'string' ? statusCodeFromTag(code) : undefined;
  const message = typeof error === 'string' && error !== '' && error !== 'true' ? error : undefined;
  if (named === 'error' || (code === undefined && error !== undefined)) {
    return message ? { code: 'error', message } : { code: 'error' };
  }
  return { code: named ?? 'unset' };
}
