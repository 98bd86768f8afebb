import { afterEach, describe, expect, it } from 'vitest';
import { closeBackends } from '../../../adapters/resolve-backend';
import { configure, resetConfig } from '../../../src/config';
import { createTestSession, createTraceSession } from '../../../src/runners/shared/create-trace-session';
import { pendingTraceIn, REPORT_RESERVE_MS } from '../../../src/trigger/trace-session';

afterEach(async () => {
  resetConfig();
  await closeBackends();
});

describe('createTraceSession', () => {
  it('reads the configured backend, merged with the spans of this process', () => {
    configure({ backend: 'jaeger+http://127.0.0.1:16686', timeout: '7s', quietWindow: '80ms' });
    const session = createTraceSession();
    expect(session.backend.name).toBe('memory+jaeger');
    expect(session.timeoutMs).toBe(7000);
    expect(session.quietWindowMs).toBe(80);
  });

  it('lets overrides win over the configuration', () => {
    configure({ timeout: '7s' });
    expect(createTraceSession({ timeout: '2s' }).timeoutMs).toBe(2000);
  });

  it('reads in-process spans only when no store is configured and no receiver was published', () => {
    const saved = process.env.TRACEPROOF_RECEIVER_URL;
    delete process.env.TRACEPROOF_RECEIVER_URL;
    try {
      expect(createTraceSession({ backend: undefined }).backend.name).toBe('memory');
    } finally {
      if (saved !== undefined) process.env.TRACEPROOF_RECEIVER_URL = saved;
    }
  });

  it("hands the caller's own causes of a missing trace to every pending trace, after the usual ones", () => {
    const session = createTraceSession({ backend: undefined }, undefined, ['the runner sandbox trap']);
    const pending = pendingTraceIn(session, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', startedAt: Date.now() });
    const causes = pending.likelyCauses();
    expect(causes.at(-1)).toBe('the runner sandbox trap');
    expect(causes.length).toBeGreaterThan(1);
  });

  it('ends every trace deadline of a test before the test itself ends, with room to report', () => {
    const testEndsAt = Date.now() + 1000;
    const session = createTraceSession({ timeout: '10s' }, undefined, [], testEndsAt);
    const pending = pendingTraceIn(session, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', startedAt: Date.now() });
    expect(pending.options.deadline).toBe(testEndsAt - REPORT_RESERVE_MS);
    expect(pending.options.reportBy).toBeLessThan(testEndsAt);
    expect(pending.options.reportBy).toBeGreaterThan(pending.options.deadline);
  });
});

describe('createTestSession', () => {
  it('names a missing receiver first, with the config lines to add, when nothing else is read', () => {
    const saved = process.env.TRACEPROOF_RECEIVER_URL;
    delete process.env.TRACEPROOF_RECEIVER_URL;
    try {
      const vitest = createTestSession('vitest', 5000, new AbortController().signal);
      expect(vitest.likelyCauses[0]).toMatch(/^no traceproof receiver is running.*globalSetup: \['traceproof\/vitest\/global-setup'\]/);
      const jest = createTestSession('jest', 5000, new AbortController().signal);
      expect(jest.likelyCauses[0]).toMatch(
        /globalSetup: 'traceproof\/jest\/global-setup' and globalTeardown: 'traceproof\/jest\/global-teardown'/,
      );
      configure({ backend: 'jaeger+http://127.0.0.1:16686' });
      expect(createTestSession('vitest', 5000, new AbortController().signal).likelyCauses).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.TRACEPROOF_RECEIVER_URL = saved;
    }
  });
});
