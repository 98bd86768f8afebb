import { isRecord } from '../json-fields';
import type { SpanStatus, SpanStatusCode } from '../../trace/span';
import { STATUS_TABLE, statusCodeFromOtlp, statusCodeFromOtlpName } from '../status-table';
import { OtlpFormatError } from './otlp-format-error';

const UNSET: SpanStatus = Object.freeze({ code: 'unset' });
const HIGHEST = STATUS_TABLE.length - 1;

/** Reads an OTLP `Status`; its code as the enum number or name (`STATUS_CODE_ERROR`). */
export function otlpStatus(value: unknown, path: string): SpanStatus {
  if (value === undefined || value === null) return UNSET;
  if (!isRecord(value)) throw new OtlpFormatError(path, `expected a Status object, got ${typeof value}`);
  const code = statusCode(value.code, `${path}.code`);
  const message = value.message;
  if (message !== undefined && message !== null && typeof message !== 'string') {
    throw new OtlpFormatError(`${path}.message`, `expected a string, got ${typeof message}`);
  }
  return message ? Object.freeze({ code, message }) : code === 'unset' ? UNSET : Object.freeze({ code });
}

function statusCode(value: unknown, path: string): SpanStatusCode {
  if (value === undefined || value === null) return 'unset';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return statusCodeFromOtlp(value) ?? 'unset';
  const named = typeof value === 'string' ? statusCodeFromOtlpName(value) : undefined;
  if (named !== undefined) return named;
  throw new OtlpFormatError(path, `expected a StatusCode number (0-${HIGHEST}) or name (STATUS_CODE_ERROR), got ${JSON.stringify(value)}`);
}
