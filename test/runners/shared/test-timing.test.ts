import { afterEach, describe, expect, it } from 'vitest';
import { configure, resetConfig } from '../../../src/config';
import { fittedTestTimeout, testTiming } from '../../../src/runners/shared/test-timing';
import { REPORT_RESERVE_MS } from '../../../src/trigger/trace-session';

afterEach(resetConfig);

describe('test timing', () => {
  it('lets traces wait as long as the test allows when no trace timeout is configured', () => {
    expect(testTiming(5000, 1_000)).toEqual({ timeout: 5000, testEndsAt: 6_000 });
    expect(fittedTestTimeout(5000)).toBeUndefined();
  });

  it('waits 4 s outside a runner, or when the test has no timeout', () => {
    expect(testTiming(undefined)).toEqual({ timeout: 4000 });
    expect(testTiming(0)).toEqual({ timeout: 4000 });
  });

  it('keeps a configured trace timeout, still ending with the test', () => {
    configure({ timeout: '2s' });
    expect(testTiming(5000, 1_000)).toEqual({ timeout: 2000, testEndsAt: 6_000 });
    expect(fittedTestTimeout(5000)).toBeUndefined();
  });

  it('gives the test a timeout that fits a trace timeout longer than the runner’s', () => {
    configure({ timeout: '10s' });
    expect(fittedTestTimeout(5000)).toBe(10_000 + 1000 + REPORT_RESERVE_MS);
    expect(fittedTestTimeout(30_000)).toBeUndefined();
    expect(fittedTestTimeout(0)).toBeUndefined();
  });
});
