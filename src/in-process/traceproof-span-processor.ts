import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span as SdkSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { spanFromReadableSpan } from '../formats/from-readable-span';
import { publishSpan } from './span-channel';

/**
 * A span processor that hands every ended span to traceproof at once, with no batching.
 * Add it to your own tracer provider when your test process already has one.
 * @example new NodeTracerProvider({ spanProcessors: [new TraceproofSpanProcessor(), ...yours] })
 */
export class TraceproofSpanProcessor implements SpanProcessor {
  onStart(_span: SdkSpan, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    publishSpan(spanFromReadableSpan(span));
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
