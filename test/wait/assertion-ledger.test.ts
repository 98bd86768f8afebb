import { describe, expect, it } from 'vitest';
import { AssertionLedger, callSite, unawaitedAssertionsError } from '../../src/wait/assertion-ledger';

describe('AssertionLedger', () => {
  it('returns, and marks abandoned, the assertions still waiting when asked', () => {
    const ledger = new AssertionLedger();
    const awaited = ledger.record('toHaveSpan', '/app/a.test.ts:3:5');
    const forgotten = ledger.record('toHaveErrors', '/app/a.test.ts:4:5');
    ledger.settle(awaited);
    expect(ledger.abandonWaiting()).toEqual([forgotten]);
    expect(forgotten.abandoned).toBe(true);
    expect(awaited.abandoned).toBe(false);
    expect(ledger.abandonWaiting()).toEqual([]);
  });

  it('names each unawaited matcher and where it was called, and the fix', () => {
    const error = unawaitedAssertionsError([{ matcher: 'toHaveSpan', site: '/app/a.test.ts:4:5', done: false, abandoned: true }]);
    expect(error.message).toContain('A trace assertion was not awaited');
    expect(error.message).toContain('  - toHaveSpan at /app/a.test.ts:4:5');
    expect(error.message).toContain('await expect(res.trace).toHaveSpan(…)');
    expect(error.message).toContain('@typescript-eslint/no-floating-promises');
  });

  it("finds the caller's line past traceproof's own frames and node_modules", () => {
    const stack = [
      'Error',
      '    at matchTrace (/work/pkg/dist/chunk-1.js:10:3)',
      '    at Object.toHaveSpan (/work/pkg/dist/chunk-2.js:5:1)',
      '    at __EXTERNAL_MATCHER_TRAP__ (file:///app/node_modules/@vitest/expect/dist/index.js:1:1)',
      '    at /app/tests/orders.test.ts:12:7',
    ].join('\n');
    expect(callSite(stack, ['/work/pkg/dist/'])).toBe('/app/tests/orders.test.ts:12:7');
  });
});
