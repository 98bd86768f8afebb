import { TraceproofError } from '../errors';

/** A duration: milliseconds as a number, or a string with a unit (`'200ms'`, `'1.5s'`, `'250us'`, `'3m'`). */
export type Duration = number | string;

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000 };
const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m)\s*$/;

/** Converts a {@link Duration} to milliseconds. */
export function toMilliseconds(duration: Duration, what = 'duration'): number {
  if (typeof duration === 'number') {
    if (Number.isFinite(duration) && duration >= 0) return duration;
  } else {
    const match = PATTERN.exec(duration);
    if (match) return Number(match[1]) * (UNIT_MS[match[2]!] ?? 1);
  }
  throw new TraceproofError(
    `Invalid ${what} ${JSON.stringify(duration)}: expected milliseconds as a number or a string like '200ms', '1.5s', '250us'.`,
  );
}

/** Formats milliseconds for messages: `850µs`, `12.3ms`, `1.52s`. */
export function formatMilliseconds(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 1000)}µs`;
  if (ms < 1000) return `${Number(ms.toFixed(ms < 10 ? 2 : 1))}ms`;
  return `${Number((ms / 1000).toFixed(2))}s`;
}
