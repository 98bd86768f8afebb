import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

type Target = string | { [condition: string]: Target };
const targets = (target: Target): string[] => (typeof target === 'string' ? [target] : Object.values(target).flatMap(targets));

const ADAPTERS = ['memory', 'otlp', 'jaeger', 'zipkin', 'tempo'];

describe('the built package (npm run build)', () => {
  it('has every file the exports map names', () => {
    const missing: string[] = [];
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      for (const file of targets(target as Target)) {
        const files = file.includes('*') ? ADAPTERS.map((name) => file.replace('*', name)) : [file];
        for (const f of files) if (!existsSync(join(root, f))) missing.push(`${subpath} → ${f}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('loads as ESM and as CommonJS, with the same public API', async () => {
    const esm = (await import('traceproof')) as Record<string, unknown>;
    const cjs = createRequire(import.meta.url)('traceproof') as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    for (const name of ['Trace', 'PendingTrace', 'configure', 'selectSpans', 'TraceproofSpanProcessor', 'renderTraceTree']) {
      expect(esm).toHaveProperty(name);
    }
    const matchers = (await import('traceproof/matchers')) as { traceMatchers: Record<string, unknown> };
    expect(Object.keys(matchers.traceMatchers).sort()).toEqual([
      'toHaveChildSpan',
      'toHaveErrors',
      'toHaveSpan',
      'toHaveSpanBefore',
      'toHaveSpanCount',
      'toMatchTraceShape',
    ]);
  });

  it('passes publint', () => {
    const output = execFileSync(process.execPath, [join(root, 'node_modules', 'publint', 'src', 'cli.js'), '--strict'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(output).not.toMatch(/Error|Warning/);
  });
});
