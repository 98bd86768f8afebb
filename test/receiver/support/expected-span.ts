import type { HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createSpan, type Attributes, type Span, type SpanKind, type SpanStatusCode } from '../../../src/trace/span';

const KINDS: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];
const CODES: readonly SpanStatusCode[] = ['unset', 'ok', 'error'];

/** The span traceproof should make of an SDK span, built straight from the SDK's fields. */
export function expectedSpan(span: ReadableSpan): Span {
  return createSpan({
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    kind: KINDS[span.kind],
    status: span.status.message ? { code: CODES[span.status.code]!, message: span.status.message } : { code: CODES[span.status.code]! },
    attributes: span.attributes as Attributes,
    resource: span.resource.attributes as Attributes,
    events: span.events.map((e) => ({ name: e.name, timeUnixNano: nanos(e.time), attributes: (e.attributes ?? {}) as Attributes })),
    links: span.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      attributes: (l.attributes ?? {}) as Attributes,
    })),
    scope: { name: span.instrumentationScope.name, version: span.instrumentationScope.version! },
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
  });
}

function nanos([seconds, nanoseconds]: HrTime): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);
}
