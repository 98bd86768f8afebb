import { describe, expect, it } from 'vitest';
import { timeoutSignal } from '../../src/util/timeout-signal';

const aborted = (signal: AbortSignal): Promise<unknown> =>
  new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason), { once: true }));

describe('timeoutSignal', () => {
  it('aborts after the time, even when many are created and only the combined signal is kept', async () => {
    const parent = new AbortController().signal;
    const signals = Array.from({ length: 200 }, (_, i) => timeoutSignal(parent, 20 + (i % 30)).signal);
    const reasons = await Promise.all(signals.map(aborted));
    expect(reasons.every((r) => r instanceof DOMException && r.name === 'TimeoutError')).toBe(true);
  });

  it('follows the parent, and lets go of it when disposed', async () => {
    const parent = new AbortController();
    const limit = timeoutSignal(parent.signal, 60_000);
    const reason = aborted(limit.signal);
    parent.abort(new Error('test ended'));
    expect(((await reason) as Error).message).toBe('test ended');
    limit.dispose();
    const other = new AbortController();
    const disposed = timeoutSignal(other.signal, 60_000);
    disposed.dispose();
    other.abort();
    expect(disposed.signal.aborted).toBe(false);
  });
});
