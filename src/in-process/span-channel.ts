import diagnosticsChannel from 'node:diagnostics_channel';
import type { Span } from '../trace/span';

/**
 * Ended spans travel over a process-wide diagnostics channel rather than a module-level
 * variable: Jest gives every test file its own module registry, so a tracer provider set up in
 * one file and a store read in another would otherwise never meet.
 */
export const spanChannel = diagnosticsChannel.channel('traceproof:spans');

export function publishSpan(span: Span): void {
  if (spanChannel.hasSubscribers) spanChannel.publish(span);
}

/** Calls `onSpan` for every span published in this process; returns the unsubscribe function. */
export function subscribeToSpans(onSpan: (span: Span) => void): () => void {
  const listener = (message: unknown): void => onSpan(message as Span);
  spanChannel.subscribe(listener);
  return () => spanChannel.unsubscribe(listener);
}
