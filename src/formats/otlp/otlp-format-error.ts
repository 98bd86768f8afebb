import { TraceproofError } from '../../errors';

/**
 * OTLP trace data that cannot be converted. `path` names the bad field
 * (`resourceSpans[0].scopeSpans[1].spans[3].traceId`); it is empty when the whole body is bad.
 */
export class OtlpFormatError extends TraceproofError {
  override name = 'OtlpFormatError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid OTLP trace data: ${path ? `${path}: ${reason}` : reason}`, options);
  }

  /** `path: reason`, without the library prefix, for lists of rejected spans. */
  get detail(): string {
    return this.path ? `${this.path}: ${this.reason}` : this.reason;
  }
}
