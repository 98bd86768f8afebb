import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const CONFIG = join(root, '.dependency-cruiser.cjs');
const DEPCRUISE = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const FIXTURE = join(root, 'test', 'fixtures', 'dependency-rule');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** Runs the house rule from `cwd` over its src/, matchers/ and adapters/; one `rule: from → to` line per violation. */
function violations(cwd: string): string[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', 'matchers', 'adapters', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  // Exits with the number of errors found, so only an empty stdout means it could not run.
  if (!run.stdout) throw new Error(`dependency-cruiser did not run (exit ${run.status}):\n${run.stderr}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations
    .map(({ rule, from, to }) => `${rule.name}: ${from} → ${to.replace(/^.*node_modules\/([^/]+)\/.*$/, '$1')}`)
    .sort();
}

describe('the dependency rule (.dependency-cruiser.cjs)', () => {
  it('holds over the library: arrows point down, no runner package below the runner entries, no import loops', () => {
    expect(violations(root)).toEqual([]);
  });

  it('reports each deliberate breach in the fixture tree, by rule, and nothing that is allowed', () => {
    expect(violations(FIXTURE)).toEqual([
      'core-not-to-upper-layers: src/wait/leak.ts → adapters/leak-target.ts',
      'no-circular: src/loop/ping.ts → src/loop/pong.ts',
      'no-runner-package-below-doors: src/trace/runner-check.ts → vitest',
    ]);
  });
});
