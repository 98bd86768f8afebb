import { randomBytes } from 'node:crypto';

const ZERO = /^0+$/;

function randomHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString('hex');
    if (!ZERO.test(hex)) return hex;
  }
}

/** A fresh, valid W3C trace id: 32 lower-case hex characters, not all zero. */
export const newTraceId = (): string => randomHex(16);

/** A fresh, valid W3C span id: 16 lower-case hex characters, not all zero. */
export const newSpanId = (): string => randomHex(8);

/** The `traceparent` header value for a sampled span. */
export function formatTraceparent(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}

const TRACE_ID = /^[0-9a-f]{32}$/;

/** Whether a string is a valid W3C trace id. */
export function isTraceId(value: string): boolean {
  return TRACE_ID.test(value) && !ZERO.test(value);
}
