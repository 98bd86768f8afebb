import { getConfig } from '../../config';
import { toMilliseconds } from '../../util/duration';

/** Room left between a trace assertion giving up and the runner's own test timeout. */
const TIMEOUT_MARGIN_MS = 250;

/**
 * How long a test's traces may take: the configured trace timeout, capped so it ends before the
 * test's own timeout (none when the runner gives the test no timeout).
 */
export function traceTimeoutWithin(testTimeoutMs: number | undefined): number {
  const configured = toMilliseconds(getConfig().timeout, 'timeout');
  const cap = testTimeoutMs !== undefined && testTimeoutMs > 0 ? testTimeoutMs - TIMEOUT_MARGIN_MS : Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(configured, cap));
}
