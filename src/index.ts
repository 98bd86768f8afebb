// The root entry: what users and custom runners call. Runner wiring lives in traceproof/vitest and
// traceproof/jest, matchers in traceproof/matchers, backends in traceproof/adapters/*.

// Trace model
export { Trace, isTrace } from './trace/trace';
export type { TraceOptions } from './trace/trace';
export { createSpan } from './trace/span';
export type {
  AttributeValue,
  Attributes,
  InstrumentationScope,
  Span,
  SpanEvent,
  SpanInit,
  SpanKind,
  SpanLink,
  SpanStatus,
  SpanStatusCode,
} from './trace/span';
export { spanFromReadableSpan } from './formats/from-readable-span';

// Selectors
export { selectSpans } from './select/select-spans';
export type { Equals, SpanQuery, SpanSelector } from './select/span-query';

// Waiting
export { PendingTrace, isPendingTrace } from './wait/pending-trace';
export type { WaitOutcome } from './wait/wait-for-trace';
export type { SettledState } from './wait/assess-settled';

// Triggers, for custom runners (traceTest provides them as fixtures)
export { createTraceSession } from './runners/shared/create-trace-session';
export type { TraceSession } from './trigger/trace-session';
export { createHttpTrigger } from './trigger/http-trigger';
export type { HttpRequestOptions, HttpTrigger, TracedResponse } from './trigger/http-trigger';
export { createTraceFixtures } from './trigger/trace-fixtures';
export type { TraceFixtures } from './trigger/trace-fixtures';

// In-process spans
export { TraceproofSpanProcessor } from './in-process/traceproof-span-processor';
export { installTracerProvider } from './in-process/install-tracer-provider';

// The embedded OTLP receiver, for runs without the global setup
export { startReceiver } from './receiver/start-receiver';
export type { Receiver } from './receiver/start-receiver';
export type { ReceiverLogger, ReceiverOptions } from './receiver/receiver-options';
export { startSharedReceiver } from './receiver/shared-receiver';
export type { SharedReceiver, SharedReceiverOptions } from './receiver/shared-receiver';

// Backends and configuration
export type { TraceBackend } from './backend/trace-backend';
export { combineBackends } from './backend/combine-backends';
export { configure, getConfig, resetConfig } from './config';
export type { TraceproofConfig } from './config';
export type { Duration } from './util/duration';

// Reports and errors
export { renderTraceTree } from './report/render-trace-tree';
export { BackendError, SelectorSyntaxError, TraceproofError } from './errors';
