import type { Span } from '../trace/span';

/** Which traces got spans in a time window: the evidence behind a missing or broken trace. */
export interface TraceSearch {
  /** Epoch milliseconds, inclusive. */
  readonly from: number;
  /** Epoch milliseconds, inclusive. */
  readonly to: number;
  /** Most traces in the answer. @default 20 */
  readonly limit?: number | undefined;
}

/** One trace a search found, as far as the backend holds it. */
export interface FoundTrace {
  readonly traceId: string;
  /** Its spans whose parent the backend does not hold: the root, or the top of a broken trace. */
  readonly topSpans: readonly Span[];
  readonly spanCount: number;
  readonly services: readonly string[];
}

/** How long after a span ended its export arrived, per service (arrival minus end time). */
export interface ExportDelay {
  readonly service: string;
  readonly spans: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

/** What a backend saw in a window, and what it could not check. */
export interface TraceSearchAnswer {
  /** What the search covered, in words, for messages. @example 'spans that arrived at the receiver from 16:01:02.120 to 16:01:06.130' */
  readonly scope: string;
  readonly traces: readonly FoundTrace[];
  /** More traces matched than `limit`. */
  readonly truncated: boolean;
  /** Spans that arrived in the window, when the backend records arrival (the receiver). */
  readonly spansInWindow?: number | undefined;
  /** Per service, from the spans that arrived in the window, when the backend records arrival. */
  readonly exportDelays?: readonly ExportDelay[] | undefined;
  /** Where this backend accepts spans, for "nothing was exported" messages. @example ['http://127.0.0.1:4318 (OTLP/HTTP)'] */
  readonly endpoints?: readonly string[] | undefined;
  /** What this backend could not check, and why. @example ['zipkin: no search by arrival time; searched by span start time'] */
  readonly notChecked?: readonly string[] | undefined;
  /** The answers of the backends a combined backend asked, each with its own counts and endpoints. */
  readonly parts?: readonly (TraceSearchAnswer & { readonly backend: string })[] | undefined;
}

/** A search's window in words, in local time: `from 16:01:02.120 to 16:01:06.130`. */
export function describeSearchWindow(search: TraceSearch): string {
  return `from ${clockTime(search.from)} to ${clockTime(search.to)}`;
}

function clockTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}
