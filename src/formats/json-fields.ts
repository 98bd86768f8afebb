import type { TraceproofError } from '../errors';

/** A plain object (not null, not an array, not bytes). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** A bad value as a format error shows it: `null`, `an array`, a string cut at 40 characters, or its type. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}

/** The error class of one trace format, e.g. `JaegerFormatError`: `path` names the bad field. */
export type FormatErrorClass = new (path: string, reason: string) => TraceproofError;

/** The fields Jaeger's and Zipkin's JSON share, read so that a bad one throws the format's own error. */
export interface JsonFieldReaders {
  /**
   * A hex id of up to `width` characters, lower-cased and left-padded: a 64-bit trace id becomes
   * the W3C 128 bits.
   */
  hexId(value: unknown, path: string, width: 16 | 32): string;
  /** Microseconds (a non-negative number) as nanoseconds. */
  micros(value: unknown, path: string): bigint;
}

/**
 * The readers of {@link JsonFieldReaders} for one format.
 * @example const { hexId, micros } = jsonFieldReaders(JaegerFormatError);
 */
export function jsonFieldReaders(FormatError: FormatErrorClass): JsonFieldReaders {
  return {
    hexId(value, path, width) {
      if (typeof value !== 'string' || !/^[0-9a-fA-F]{1,32}$/.test(value) || value.length > width) {
        throw new FormatError(path, `expected a hex id of up to ${width} characters, got ${describeJsonValue(value)}`);
      }
      return value.toLowerCase().padStart(width, '0');
    },
    micros(value, path) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new FormatError(path, `expected microseconds as a number, got ${describeJsonValue(value)}`);
      }
      return BigInt(Math.round(value)) * 1000n;
    },
  };
}
