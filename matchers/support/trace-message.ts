import { describeSnapshot } from '../../src/report/describe-snapshot';
import type { SnapshotState } from '../../src/report/snapshot-state';
import type { Span } from '../../src/trace/span';
import type { MatcherContext } from './matcher-context';
import { formatMilliseconds } from '../../src/util/duration';

/** What a trace matcher's failure message says; {@link traceMessage} lays it out. */
export interface TraceMessageParts {
  /** The matcher's name, for the hint. @example 'toHaveChildSpan' */
  readonly matcher: string;
  /** The hint's argument names, `''` for none. @example 'parent, child' */
  readonly expectedArgs: string;
  /** An optional argument the call was given, named in the hint after `expectedArgs`. @example 'options' */
  readonly secondArgument?: string | undefined;
  /**
   * What was expected, coloured and worded for `.not` by the matcher (each matcher negates in
   * its own words). Further lines are aligned under the first.
   */
  readonly expected: string | readonly string[];
  /** What the trace had, coloured by the matcher. Further lines are aligned under the first. */
  readonly received: string | readonly string[];
  /**
   * Names the compared value when it is a block of text, such as a shape: the sides then print
   * as `Expected shape:` and `Received shape:` above their values, and `.not` as
   * `Expected shape not:`, since a block has no room to say "not" itself.
   */
  readonly subject?: string | undefined;
  /** Lines after Received: the spans it counted, what differs, the closest spans. */
  readonly details?: readonly string[] | undefined;
  /** The snapshot the verdict was taken on, printed as the trace part. */
  readonly state: SnapshotState;
  /** Spans to mark `›` in the tree: the ones the matcher selected. */
  readonly highlight?: readonly Span[] | undefined;
}

// The width of "Expected: " and "Received: ", so further lines of a side start under its value.
const ALIGN = ' '.repeat('Expected: '.length);

/**
 * The failure message of every trace matcher: the hint, what was expected, what was received,
 * the details, then the trace (its state, the tree with the selected spans marked, a link).
 * @example
 * message: (verdict, state) =>
 *   traceMessage(this, { matcher: 'toHaveSpanCount', expectedArgs: 'count', expected: '3 spans', received: '6 spans', state })
 */
export function traceMessage(context: MatcherContext, parts: TraceMessageParts): string {
  const { matcher, expectedArgs, secondArgument, subject, state, highlight } = parts;
  const hint = context.utils.matcherHint(matcher, 'trace', expectedArgs, {
    isNot: context.isNot,
    promise: context.promise ?? '',
    ...(secondArgument === undefined ? {} : { secondArgument }),
  });
  const sides =
    subject === undefined
      ? [...inline('Expected: ', parts.expected), ...inline('Received: ', parts.received)]
      : [`Expected ${subject}${context.isNot ? ' not' : ''}:`, ...lines(parts.expected), `Received ${subject}:`, ...lines(parts.received)];
  const trace = describeSnapshot(state, highlight === undefined ? undefined : new Set(highlight.map((s) => s.spanId)));
  const unconfirmed = state.unconfirmed ? [...UNCONFIRMED(state), ''] : [];
  return [hint, '', ...unconfirmed, ...sides, ...(parts.details ?? []), '', trace].join('\n');
}

const UNCONFIRMED = (state: TraceMessageParts['state']): string[] => [
  `This could not be confirmed: the trace had not settled${state.waitedMs === undefined ? '' : ` when the deadline came (after ${formatMilliseconds(state.waitedMs)})`}, and the spans still missing could change the verdict.`,
  ...(state.settled?.reasons ?? []).map((reason) => `  still missing: ${reason}`),
  'Fix: give the trace more time (TRACEPROOF_TIMEOUT, configure({ timeout }), or the test timeout), or make its services export sooner (OTEL_BSP_SCHEDULE_DELAY=50, or a SimpleSpanProcessor in tests).',
];

const lines = (side: string | readonly string[]): readonly string[] => (typeof side === 'string' ? [side] : side);

function inline(label: string, side: string | readonly string[]): string[] {
  return lines(side).map((line, index) => `${index === 0 ? label : ALIGN}${line}`);
}
