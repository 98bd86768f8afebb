import { describe, expect, it } from 'vitest';
import { processGlobal } from '../../src/util/process-global';

describe('processGlobal', () => {
  it('keeps one value per realm under a registered symbol, so every module copy sees it', () => {
    const a = processGlobal<{ n: number }>('test.processGlobal');
    const b = processGlobal<{ n: number }>('test.processGlobal');
    a.clear();
    const made = a.getOrSet(() => ({ n: 1 }));
    expect(b.getOrSet(() => ({ n: 2 }))).toBe(made);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('traceproof.test.processGlobal')]).toBe(made);
    b.clear();
    expect(a.get()).toBeUndefined();
  });

  it('can live on another global object, such as a sandbox realm', () => {
    const sandbox = {};
    processGlobal<string>('test.sandbox', sandbox).set('offered');
    expect(processGlobal<string>('test.sandbox', sandbox).get()).toBe('offered');
    expect(processGlobal<string>('test.sandbox').get()).toBeUndefined();
  });
});
