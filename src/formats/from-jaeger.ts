import { TraceproofError } from '../errors';
import { describeJsonValue, isRecord, jsonFieldReaders } from './json-fields';
import { OTEL_EXPORTER_TAGS } from './otel-exporter-tags';
import { spanKindFromJaegerTag } from './span-kind-table';
import { statusCodeFromTag } from './status-table';
import {
  createSpan,
  type AttributeValue,
  type InstrumentationScope,
  type Span,
  type SpanEvent,
  type SpanKind,
  type SpanLink,
  type SpanStatus,
} from '../trace/span';

/** Invalid Jaeger JSON: `path` names the bad field (`data[0].spans[2].startTime`). */
export class JaegerFormatError extends TraceproofError {
  override name = 'JaegerFormatError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Invalid Jaeger trace data: ${path ? `${path}: ` : ''}${reason}`);
  }
}

const { hexId, micros } = jsonFieldReaders(JaegerFormatError);

/** Jaeger's own bookkeeping tags, neither a field nor the service's data. */
const DROPPED_TAGS = new Set(['internal.span.format']);

/**
 * Converts Jaeger's v1 query JSON (`GET /api/traces/{id}`: `{ data: [{ spans, processes }] }`)
 * into {@link Span}s. Times are microseconds there. Array attributes arrive as JSON strings
 * and link attributes are lost: the v1 model has neither.
 * @example spansFromJaegerJson(await (await fetch(`${jaeger}/api/traces/${id}`)).json())
 */
export function spansFromJaegerJson(body: unknown): Span[] {
  if (!isRecord(body)) throw new JaegerFormatError('', `expected an object with \`data\`, got ${describeJsonValue(body)}`);
  if (body.data === null || body.data === undefined) return [];
  if (!Array.isArray(body.data)) throw new JaegerFormatError('data', `expected an array of traces, got ${describeJsonValue(body.data)}`);
  const out: Span[] = [];
  body.data.forEach((trace, t) => {
    const path = `data[${t}]`;
    if (!isRecord(trace)) throw new JaegerFormatError(path, `expected a trace object, got ${describeJsonValue(trace)}`);
    const processes = isRecord(trace.processes) ? trace.processes : {};
    if (!Array.isArray(trace.spans))
      throw new JaegerFormatError(`${path}.spans`, `expected an array, got ${describeJsonValue(trace.spans)}`);
    for (const [s, span] of trace.spans.entries()) out.push(spanFromJaeger(span, processes, `${path}.spans[${s}]`));
  });
  return out;
}

function spanFromJaeger(raw: unknown, processes: Record<string, unknown>, path: string): Span {
  if (!isRecord(raw)) throw new JaegerFormatError(path, `expected a span object, got ${describeJsonValue(raw)}`);
  const traceId = hexId(raw.traceID, `${path}.traceID`, 32);
  const spanId = hexId(raw.spanID, `${path}.spanID`, 16);
  const start = micros(raw.startTime, `${path}.startTime`);
  const duration = raw.duration === undefined ? 0n : micros(raw.duration, `${path}.duration`);

  let parentSpanId: string | undefined;
  const links: SpanLink[] = [];
  const references = Array.isArray(raw.references) ? raw.references : [];
  references.forEach((ref, r) => {
    const refPath = `${path}.references[${r}]`;
    if (!isRecord(ref)) throw new JaegerFormatError(refPath, `expected a reference object, got ${describeJsonValue(ref)}`);
    const refTrace = hexId(ref.traceID, `${refPath}.traceID`, 32);
    const refSpan = hexId(ref.spanID, `${refPath}.spanID`, 16);
    // The parent is the first CHILD_OF reference within the same trace (Jaeger's own rule);
    // every other reference is a link, FOLLOWS_FROM included.
    if (parentSpanId === undefined && ref.refType === 'CHILD_OF' && refTrace === traceId) parentSpanId = refSpan;
    else links.push(Object.freeze({ traceId: refTrace, spanId: refSpan, attributes: Object.freeze({}) }));
  });
  // Old clients still send the deprecated top-level parentSpanID.
  if (parentSpanId === undefined && typeof raw.parentSpanID === 'string' && !/^0*$/.test(raw.parentSpanID)) {
    parentSpanId = hexId(raw.parentSpanID, `${path}.parentSpanID`, 16);
  }

  const tags = keyValues(raw.tags, `${path}.tags`);
  const attributes: Record<string, AttributeValue> = {};
  let kind: SpanKind = 'unspecified';
  let statusCode: unknown;
  let statusMessage: string | undefined;
  let error: AttributeValue | undefined;
  let scopeName: string | undefined;
  let scopeVersion: string | undefined;
  // The tags OpenTelemetry writes for fields the v1 model lacks become those fields again.
  for (const [key, value] of tags) {
    if (key === OTEL_EXPORTER_TAGS.spanKind && typeof value === 'string') kind = spanKindFromJaegerTag(value) ?? 'unspecified';
    else if (key === OTEL_EXPORTER_TAGS.statusCode) statusCode = value;
    else if (key === OTEL_EXPORTER_TAGS.statusDescription && typeof value === 'string') statusMessage = value;
    else if (key === OTEL_EXPORTER_TAGS.error) error = value;
    else if (OTEL_EXPORTER_TAGS.scopeName.includes(key) && typeof value === 'string') scopeName = value;
    else if (OTEL_EXPORTER_TAGS.scopeVersion.includes(key) && typeof value === 'string') scopeVersion = value;
    else if (!DROPPED_TAGS.has(key)) attributes[key] = value;
  }
  const status = statusOf(statusCode, statusMessage, error);
  // `error` that is not a status marker (a string message, say) is a real attribute.
  if (error !== undefined && error !== true && error !== 'true') attributes[OTEL_EXPORTER_TAGS.error] = error;

  const process = typeof raw.processID === 'string' ? processes[raw.processID] : raw.process;
  const resource: Record<string, AttributeValue> = {};
  let service: string | undefined;
  if (isRecord(process)) {
    for (const [key, value] of keyValues(process.tags, `${path}.process.tags`)) resource[key] = value;
    if (typeof process.serviceName === 'string') {
      service = process.serviceName;
      resource['service.name'] = service;
    }
  }

  const events: SpanEvent[] = [];
  const logs = Array.isArray(raw.logs) ? raw.logs : [];
  logs.forEach((log, l) => {
    const logPath = `${path}.logs[${l}]`;
    if (!isRecord(log)) throw new JaegerFormatError(logPath, `expected a log object, got ${describeJsonValue(log)}`);
    const fields: Record<string, AttributeValue> = {};
    let name = '';
    for (const [key, value] of keyValues(log.fields, `${logPath}.fields`)) {
      if (key === 'event' && typeof value === 'string' && name === '') name = value;
      else fields[key] = value;
    }
    events.push(Object.freeze({ name, timeUnixNano: micros(log.timestamp, `${logPath}.timestamp`), attributes: Object.freeze(fields) }));
  });

  const scope: InstrumentationScope | undefined = scopeName
    ? { name: scopeName, ...(scopeVersion ? { version: scopeVersion } : {}) }
    : undefined;
  return createSpan({
    traceId,
    spanId,
    parentSpanId,
    name: typeof raw.operationName === 'string' ? raw.operationName : '',
    service,
    kind,
    status,
    attributes: Object.freeze(attributes),
    resource: Object.freeze(resource),
    events: Object.freeze(events),
    links: Object.freeze(links),
    scope,
    startTimeUnixNano: start,
    endTimeUnixNano: start + duration,
  });
}

/**
 * `otel.status_code` (`OK`/`ERROR`) wins; without it, the OpenTracing convention `error=true`
 * marks a failed span.
 */
function statusOf(code: unknown, message: string | undefined, error: AttributeValue | undefined): SpanStatus {
  const named = typeof code === 'string' ? (statusCodeFromTag(code.toUpperCase()) ?? 'unset') : undefined;
  if (named === 'error' || (named === undefined && (error === true || error === 'true'))) {
    return message ? { code: 'error', message } : { code: 'error' };
  }
  return { code: named ?? 'unset' };
}

function keyValues(value: unknown, path: string): Array<[string, AttributeValue]> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new JaegerFormatError(path, `expected an array of { key, type, value }, got ${describeJsonValue(value)}`);
  return value.map((kv, i): [string, AttributeValue] => {
    if (!isRecord(kv) || typeof kv.key !== 'string') throw new JaegerFormatError(`${path}[${i}]`, 'expected { key, type, value }');
    return [kv.key, tagValue(kv, `${path}[${i}]`)];
  });
}

function tagValue(kv: Record<string, unknown>, path: string): AttributeValue {
  const { type, value } = kv;
  switch (type) {
    case 'bool':
      return value === true || value === 'true';
    case 'int64':
    case 'float64': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw new JaegerFormatError(`${path}.value`, `expected a number, got ${describeJsonValue(value)}`);
      return n;
    }
    case 'binary':
      return typeof value === 'string' ? Uint8Array.from(Buffer.from(value, 'base64')) : new Uint8Array();
    default:
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      return value === null || value === undefined ? '' : JSON.stringify(value);
  }
}
