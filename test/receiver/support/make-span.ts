import { createSpan, type Span } from '../../../src/trace/span';

/** A minimal span for store tests: trace `t` (a hex digit repeated) and span `s`. */
export function makeSpan(trace: string, span: string | number, name = `span ${span}`): Span {
  return createSpan({
    traceId: trace.length === 32 ? trace : trace.repeat(32).slice(0, 32),
    spanId: String(span).padStart(16, '0'),
    name,
    startTimeUnixNano: 1n,
    endTimeUnixNano: 2n,
  });
}

export const traceIdOf = (trace: string): string => (trace.length === 32 ? trace : trace.repeat(32).slice(0, 32));
