import { OtlpFormatError } from './otlp-format-error';

const DECIMAL = /^\d+$/;

/**
 * Reads an OTLP `fixed64` time in nanoseconds: a decimal string (proto3 JSON), a number, or a
 * bigint. Absent means 0, as protobuf leaves zero values off the wire.
 */
export function otlpNanos(value: unknown, path: string): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'string' && DECIMAL.test(value)) return BigInt(value);
  // A JSON number above 2^53 has already lost its last digits; it is still the best time there is.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'bigint' && value >= 0n) return value;
  throw new OtlpFormatError(
    path,
    `expected nanoseconds since the epoch as a decimal string or non-negative integer, got ${JSON.stringify(String(value))}`,
  );
}
