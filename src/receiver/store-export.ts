import type { Span } from '../trace/span';
import type { OtlpFormatError } from '../formats/otlp/otlp-format-error';
import type { OtlpToSpansOptions } from '../formats/otlp/otlp-to-spans';
import type { LogOnce } from './log-once';
import type { SpanStore } from '../store/span-store';

/** What became of one export request; `rejectedSpans > 0` makes it a partial success. */
export interface ExportOutcome {
  readonly acceptedSpans: number;
  readonly rejectedSpans: number;
  /** Why spans were rejected, in English, for `partial_success.error_message`. */
  readonly errorMessage?: string;
}

const LISTED_REJECTIONS = 5;

/**
 * Converts one export request with `convert`, leaving out each invalid span, and stores the
 * rest. A malformed request as a whole throws (an `OtlpFormatError`) and stores nothing.
 */
export function storeExport(store: SpanStore, convert: (options: OtlpToSpansOptions) => Span[], logOnce: LogOnce): ExportOutcome {
  const listed: OtlpFormatError[] = [];
  let invalid = 0;
  const spans = convert({
    onInvalidSpan: (error) => {
      invalid++;
      if (listed.length < LISTED_REJECTIONS) listed.push(error);
    },
  });
  const added = store.add(spans);
  const reasons: string[] = [];
  if (invalid > 0) {
    const more = invalid > listed.length ? `; and ${invalid - listed.length} more` : '';
    reasons.push(`${invalid} invalid: ${listed.map((e) => e.detail).join('; ')}${more}`);
    logOnce('invalid-span', `Rejected spans of an export (partial success): ${reasons[0]}.`);
  }
  if (added.overTraceCap > 0) {
    const traces = added.cappedTraceIds.slice(0, LISTED_REJECTIONS).join(', ');
    const reason = `${added.overTraceCap} over the limit of ${store.maxSpansPerTrace} spans per trace (maxSpansPerTrace) in trace ${traces}`;
    reasons.push(reason);
    logOnce('trace-cap', `Rejected spans of an export (partial success): ${reason}.`);
  }
  const rejectedSpans = invalid + added.overTraceCap;
  return rejectedSpans === 0
    ? { acceptedSpans: spans.length - added.overTraceCap, rejectedSpans }
    : {
        acceptedSpans: spans.length - added.overTraceCap,
        rejectedSpans,
        errorMessage: `Rejected ${rejectedSpans} of ${spans.length + invalid} spans: ${reasons.join('. ')}.`,
      };
}
