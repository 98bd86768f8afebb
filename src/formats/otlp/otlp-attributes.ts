import { isRecord } from '../json-fields';
import type { AttributeValue, Attributes } from '../../trace/span';
import { OtlpFormatError } from './otlp-format-error';

const EMPTY: Attributes = Object.freeze({});
const INTEGER = /^-?\d+$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const SPECIAL_DOUBLES: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * Reads a list of OTLP `KeyValue`s into an attribute record; a repeated key keeps its last value.
 * Absent means no attributes.
 */
export function otlpAttributes(list: unknown, path: string): Attributes {
  if (list === undefined || list === null) return EMPTY;
  if (!Array.isArray(list)) throw new OtlpFormatError(path, `expected an array of KeyValue, got ${typeOf(list)}`);
  if (list.length === 0) return EMPTY;
  return Object.freeze(Object.fromEntries(list.map((kv, i) => keyValue(kv, `${path}[${i}]`))));
}

/**
 * Reads an OTLP `AnyValue`. An empty AnyValue (no field set) is `null`; int64 values become
 * numbers; bytes become a `Uint8Array` of their own (never a view into the request body).
 */
export function otlpAnyValue(value: unknown, path: string): AttributeValue {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw new OtlpFormatError(path, `expected an AnyValue object, got ${typeOf(value)}`);
  if (value.stringValue != null) return expectString(value.stringValue, `${path}.stringValue`);
  if (value.boolValue != null) {
    if (typeof value.boolValue !== 'boolean') throw wrongType(`${path}.boolValue`, 'a boolean', value.boolValue);
    return value.boolValue;
  }
  if (value.intValue != null) return intValue(value.intValue, `${path}.intValue`);
  if (value.doubleValue != null) return doubleValue(value.doubleValue, `${path}.doubleValue`);
  if (value.arrayValue != null) return arrayValue(value.arrayValue, `${path}.arrayValue`);
  if (value.kvlistValue != null) return kvlistValue(value.kvlistValue, `${path}.kvlistValue`);
  if (value.bytesValue != null) return bytesValue(value.bytesValue, `${path}.bytesValue`);
  return null;
}

function keyValue(kv: unknown, path: string): [string, AttributeValue] {
  if (!isRecord(kv)) throw wrongType(path, 'a KeyValue object', kv);
  const key = kv.key == null ? '' : expectString(kv.key, `${path}.key`);
  return [key, otlpAnyValue(kv.value, `${path}.value`)];
}

function intValue(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && INTEGER.test(value)) return Number(value);
  throw wrongType(path, 'an integer or a decimal string', value);
}

function doubleValue(value: unknown, path: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const special = SPECIAL_DOUBLES[value];
    if (special !== undefined) return special;
    const parsed = value.trim() === '' ? NaN : Number(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw wrongType(path, 'a number', value);
}

function arrayValue(value: unknown, path: string): readonly AttributeValue[] {
  if (!isRecord(value)) throw wrongType(path, 'an ArrayValue object', value);
  const values = value.values ?? [];
  if (!Array.isArray(values)) throw wrongType(`${path}.values`, 'an array of AnyValue', values);
  return Object.freeze(values.map((v, i) => otlpAnyValue(v, `${path}.values[${i}]`)));
}

function kvlistValue(value: unknown, path: string): Attributes {
  if (!isRecord(value)) throw wrongType(path, 'a KeyValueList object', value);
  return otlpAttributes(value.values, `${path}.values`);
}

function bytesValue(value: unknown, path: string): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (typeof value === 'string' && BASE64.test(value)) return new Uint8Array(Buffer.from(value, 'base64'));
  throw wrongType(path, 'base64 bytes', value);
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw wrongType(path, 'a string', value);
  return value;
}

function wrongType(path: string, expected: string, value: unknown): OtlpFormatError {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeOf(value);
  return new OtlpFormatError(path, `expected ${expected}, got ${shown}`);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
