import { context, propagation, trace, type ContextManager, type TextMapPropagator, type TracerProvider } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { TraceproofSpanProcessor } from './traceproof-span-processor';

/** A tracer provider with its context manager and propagator, as one realm registered them. */
export interface Tracing {
  readonly tracerProvider: TracerProvider;
  readonly contextManager: ContextManager;
  readonly propagator: TextMapPropagator;
}

export interface InstalledTracerProvider {
  /** False when the realm already had a global tracer provider, which was left alone. */
  readonly installed: boolean;
  /** What this realm now uses, to share with another realm of the same process. */
  readonly tracing?: Tracing;
  shutdown(): Promise<void>;
}

function createTracing(serviceName: string): Tracing & { shutdown(): Promise<void> } {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new TraceproofSpanProcessor()],
  });
  return {
    tracerProvider: provider,
    contextManager: new AsyncLocalStorageContextManager().enable(),
    propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
    shutdown: () => provider.shutdown(),
  };
}

/**
 * Makes in-process spans visible to traceproof: registers a tracer provider with the
 * AsyncLocalStorage context manager, W3C propagation and {@link TraceproofSpanProcessor},
 * unless the realm already registered its own provider. Given `shared`, registers that one
 * instead, so two realms of one process (Jest's sandbox and its host) trace as one.
 */
export function installTracerProvider(serviceName = process.env.OTEL_SERVICE_NAME ?? 'test', shared?: Tracing): InstalledTracerProvider {
  const tracing = shared ?? createTracing(serviceName);
  if (!trace.setGlobalTracerProvider(tracing.tracerProvider)) {
    if (!shared) void (tracing as ReturnType<typeof createTracing>).shutdown();
    return { installed: false, shutdown: () => Promise.resolve() };
  }
  context.setGlobalContextManager(tracing.contextManager);
  propagation.setGlobalPropagator(tracing.propagator);
  return {
    installed: true,
    tracing,
    shutdown: async () => {
      if (!shared) await (tracing as ReturnType<typeof createTracing>).shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
