import { SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  STATUS_CODES,
  statusCodeFromApi,
  statusCodeFromOtlp,
  statusCodeFromOtlpName,
  statusCodeFromTag,
} from '../../src/formats/status-table';

describe('STATUS_TABLE', () => {
  it('numbers codes as OTLP and the OpenTelemetry API both do', () => {
    expect(STATUS_CODES).toEqual(['unset', 'ok', 'error']);
    expect(STATUS_CODES.map((_, n) => statusCodeFromOtlp(n))).toEqual(STATUS_CODES);
    expect([SpanStatusCode.UNSET, SpanStatusCode.OK, SpanStatusCode.ERROR].map(statusCodeFromApi)).toEqual(STATUS_CODES);
    expect(statusCodeFromOtlp(3)).toBeUndefined();
  });

  it('reads OTLP enum names and the otel.status_code tag exactly as exporters write it', () => {
    expect(statusCodeFromOtlpName('STATUS_CODE_ERROR')).toBe('error');
    expect(statusCodeFromOtlpName('ERROR')).toBeUndefined();
    expect(statusCodeFromTag('OK')).toBe('ok');
    expect(statusCodeFromTag('ERROR')).toBe('error');
    expect(statusCodeFromTag('UNSET')).toBeUndefined();
    expect(statusCodeFromTag('error')).toBeUndefined();
  });
});
