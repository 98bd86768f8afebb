import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { TraceproofSpanProcessor } from './traceproof-span-processor';

export interface InstalledTracerProvider {
  /** False when the process already had a global tracer provider, which was left alone. */
  readonly installed: boolean;
  shutdown(): Promise<void>;
}

/**
 * Makes in-process spans visible to traceproof: registers a tracer provider with the
 * AsyncLocalStorage context manager, W3C propagation and {@link TraceproofSpanProcessor},
 * unless the process already registered its own provider.
 */
export function installTracerProvider(serviceName = process.env.OTEL_SERVICE_NAME ?? 'test'): InstalledTracerProvider {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new TraceproofSpanProcessor()],
  });
  if (!trace.setGlobalTracerProvider(provider)) {
    void provider.shutdown();
    return { installed: false, shutdown: () => Promise.resolve() };
  }
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  return {
    installed: true,
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
