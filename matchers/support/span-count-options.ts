import { toMilliseconds, formatMilliseconds, type Duration } from '../../src/util/duration';

/** Bounds for {@link toHaveSpan}: how many spans must match, and how long each may take. */
export interface SpanCountOptions {
  /** Exactly this many matching spans. */
  count?: number;
  /** At least this many. @default 1 */
  minCount?: number;
  /** At most this many. */
  maxCount?: number;
  /** Every matching span took at least this long (`'5ms'`, or milliseconds). */
  minDuration?: Duration;
  /** Every matching span took at most this long (`'200ms'`, or milliseconds). */
  maxDuration?: Duration;
}

export interface SpanBounds {
  readonly min: number;
  readonly max: number;
  readonly minMs?: number;
  readonly maxMs?: number;
}

const KEYS = new Set(['count', 'minCount', 'maxCount', 'minDuration', 'maxDuration']);

/** Validates the options; returns an error text instead of throwing, for the usage error. */
export function parseSpanBounds(options: SpanCountOptions | undefined): SpanBounds | string {
  if (options === undefined) return { min: 1, max: Number.POSITIVE_INFINITY };
  if (typeof options !== 'object' || options === null) return 'The options must be an object such as { count: 1, maxDuration: "200ms" }.';
  const unknown = Object.keys(options).filter((k) => !KEYS.has(k));
  if (unknown.length > 0)
    return `Unknown option ${unknown.map((k) => `\`${k}\``).join(', ')}; expected count, minCount, maxCount, minDuration or maxDuration.`;
  for (const key of ['count', 'minCount', 'maxCount'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) return `\`${key}\` must be a whole number ≥ 0.`;
  }
  if (options.count !== undefined && (options.minCount !== undefined || options.maxCount !== undefined)) {
    return 'Use either `count` or `minCount`/`maxCount`, not both.';
  }
  try {
    return {
      min: options.count ?? options.minCount ?? 1,
      max: options.count ?? options.maxCount ?? Number.POSITIVE_INFINITY,
      ...(options.minDuration !== undefined ? { minMs: toMilliseconds(options.minDuration, 'minDuration') } : {}),
      ...(options.maxDuration !== undefined ? { maxMs: toMilliseconds(options.maxDuration, 'maxDuration') } : {}),
    };
  } catch (error) {
    return (error as Error).message.replace(/^\[traceproof\] /, '');
  }
}

export function describeBounds(bounds: SpanBounds): string {
  const count =
    bounds.min === bounds.max
      ? `exactly ${bounds.min} span${bounds.min === 1 ? '' : 's'}`
      : bounds.max === Number.POSITIVE_INFINITY
        ? `at least ${bounds.min} span${bounds.min === 1 ? '' : 's'}`
        : `between ${bounds.min} and ${bounds.max} spans`;
  const durations = [
    bounds.minMs !== undefined ? `≥ ${formatMilliseconds(bounds.minMs)}` : '',
    bounds.maxMs !== undefined ? `≤ ${formatMilliseconds(bounds.maxMs)}` : '',
  ].filter(Boolean);
  return durations.length > 0 ? `${count}, each lasting ${durations.join(' and ')},` : count;
}
