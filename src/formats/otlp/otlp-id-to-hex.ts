import { OtlpFormatError } from './otlp-format-error';

const HEX = { 16: /^[0-9a-f]{32}$/i, 8: /^[0-9a-f]{16}$/i } as const;
const BASE64 = { 16: /^[A-Za-z0-9+/_-]{22}(?:==)?$/, 8: /^[A-Za-z0-9+/_-]{11}=?$/ } as const;
const ALL_ZERO = /^0+$/;

/**
 * Reads an OTLP trace id (16 bytes) or span id (8 bytes) as lower-case hex. Accepts hex
 * (OTLP/JSON), base64 (the plain protobuf JSON mapping, e.g. Tempo) and bytes (protobuf).
 * The two string forms cannot be confused: 32 hex characters are never base64 of 16 bytes.
 */
export function otlpIdToHex(value: unknown, byteLength: 16 | 8, path: string): string {
  const hex = readId(value, byteLength, path);
  if (ALL_ZERO.test(hex)) throw new OtlpFormatError(path, `must not be all zeros`);
  return hex;
}

/** Like {@link otlpIdToHex} for a parent span id, where absent, empty and all zeros mean "no parent". */
export function optionalOtlpIdToHex(value: unknown, byteLength: 16 | 8, path: string): string | undefined {
  if (value === undefined || value === null || value === '' || (value instanceof Uint8Array && value.length === 0)) {
    return undefined;
  }
  const hex = readId(value, byteLength, path);
  return ALL_ZERO.test(hex) ? undefined : hex;
}

function readId(value: unknown, byteLength: 16 | 8, path: string): string {
  if (value instanceof Uint8Array) {
    if (value.length === byteLength) return Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex');
    throw new OtlpFormatError(path, `expected ${byteLength} bytes, got ${value.length}`);
  }
  if (typeof value === 'string') {
    if (HEX[byteLength].test(value)) return value.toLowerCase();
    if (BASE64[byteLength].test(value)) return Buffer.from(value, 'base64').toString('hex');
  }
  throw new OtlpFormatError(path, `expected ${byteLength * 2} hex characters or base64 of ${byteLength} bytes, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return 'nothing';
  return value === null ? 'null' : typeof value;
}
