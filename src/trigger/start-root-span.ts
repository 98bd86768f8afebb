import {
  context,
  type SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span as ApiSpan,
} from '@opentelemetry/api';
import { propagation } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { formatTraceparent, newSpanId, newTraceId } from './traceparent';

/** The start of a triggered trace: its ids, the context to run the trigger in, and how to end it. */
export interface RootSpan {
  readonly traceId: string;
  /** Set when no span stands for the trigger: the parent span id sent in `traceparent`. */
  readonly syntheticParentId?: string;
  /** Context to run the trigger in, so in-process spans join the trace. */
  readonly context: Context;
  /** Adds `traceparent` (and any other configured propagation headers) to `headers`. */
  inject(headers: Record<string, string>): void;
  end(outcome: { error?: unknown; attributes?: Attributes; failed?: boolean }): void;
}

/**
 * A fresh trace whose root is the system's own first span: the trigger sends a `traceparent`
 * naming a parent span that no backend will hold, so counts and shapes are the system's alone.
 * Tracing is suppressed around the request itself, so an HTTP client instrumentation in the
 * test process neither adds a span nor a second, conflicting `traceparent` header.
 */
export function startSyntheticRoot(): RootSpan {
  const traceId = newTraceId();
  const parentId = newSpanId();
  const ctx = suppressTracing(
    trace.setSpanContext(context.active(), { traceId, spanId: parentId, traceFlags: TraceFlags.SAMPLED, isRemote: true }),
  );
  return {
    traceId,
    syntheticParentId: parentId,
    context: ctx,
    inject: (headers) => {
      headers.traceparent = formatTraceparent(traceId, parentId);
    },
    end: () => {},
  };
}

/** A fresh trace whose root is a real span of this process; `undefined` when no tracer provider is registered. */
export function startRootSpan(name: string, kind: SpanKind, attributes: Attributes): RootSpan | undefined {
  const span = trace.getTracer('traceproof').startSpan(name, { kind, attributes, root: true });
  const spanContext = span.spanContext();
  if (!trace.isSpanContextValid(spanContext)) return undefined;
  const ctx = trace.setSpan(context.active(), span);
  return {
    traceId: spanContext.traceId,
    context: ctx,
    inject: (headers) => {
      propagation.inject(ctx, headers);
      headers.traceparent ??= formatTraceparent(spanContext.traceId, spanContext.spanId);
    },
    end: (outcome) => endSpan(span, outcome),
  };
}

function endSpan(span: ApiSpan, outcome: { error?: unknown; attributes?: Attributes; failed?: boolean }): void {
  if (outcome.attributes) span.setAttributes(outcome.attributes);
  if (outcome.error !== undefined) {
    span.recordException(outcome.error instanceof Error ? outcome.error : String(outcome.error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
  } else if (outcome.failed) {
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}
