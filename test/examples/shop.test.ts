// Runs the shop example the way a user would: vitest and jest as subprocesses, against the
// built package (node_modules/traceproof -> dist), with real services and the embedded receiver.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const VITEST_CONFIG = 'examples/shop/vitest.config.ts';
const JEST_CONFIG = 'examples/shop/jest/jest.config.cjs';

interface Run {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      // Free ports for the receiver, so the run cannot collide with a Collector or another run.
      // CI passes through: under CI=true the example requires its Python service.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, TRACEPROOF_OTLP_PORT: '0', TRACEPROOF_GRPC_PORT: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const vitest = (args: string[], env?: Record<string, string | undefined>) =>
  run('npx', ['--no-install', 'vitest', 'run', '--config', VITEST_CONFIG, '--reporter', 'verbose', ...args], env);

/** A cache dir with no Python env in it. */
function emptyCache(): string {
  return mkdtempSync(join(tmpdir(), 'traceproof-no-python-'));
}

beforeAll(() => {
  if (!existsSync(join(root, 'node_modules/traceproof/package.json')) || !existsSync(join(root, 'dist'))) {
    throw new Error('The example runs against the built package: run `npm run build && node scripts/link-self.mjs` first.');
  }
});

describe('the shop example', () => {
  test('its vitest suite passes in several workers', { timeout: 180_000 }, async () => {
    const { code, output } = await vitest(['--maxWorkers=3']);
    expect(output).toMatch(/✓ .*an order reserves stock, charges the card and is stored/);
    expect(output).toMatch(/✓ .*a sold-out SKU is refused by inventory and nobody is charged/);
    expect(output).toMatch(/✓ .*a product lookup hits the database once, then the cache/);
    expect(output).toMatch(/✓ .*200 concurrent orders each see their own trace and nothing else/);
    expect(output).not.toMatch(/fails on purpose/);
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(code, output).toBe(0);
  });

  test('the failing-on-purpose test fails and prints the trace tree', { timeout: 120_000 }, async () => {
    const { code, output } = await vitest([], { SHOP_DEMO_FAILURE: '1' });
    expect(code, output).toBe(1);
    expect(output).toMatch(/FAIL .*\[fails on purpose\] order history looks products up in a single inventory call/);
    expect(output).toMatch(/Tests\s+1 failed/);
    // The tree: the gateway's root span, and the three inventory lookups the N+1 made.
    expect(output).toMatch(/gateway {2}GET \/customers\/:customer\/orders/);
    expect(output.match(/inventory {2}GET \/products\/:sku/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  test('its jest suite passes', { timeout: 180_000 }, async () => {
    const { code, output } = await run('npx', ['--no-install', 'jest', '--config', JEST_CONFIG]);
    expect(output).toMatch(/✓ an order reserves stock, charges the card and is stored/);
    expect(output).toMatch(/✓ a sold-out SKU is refused by inventory and nobody is charged/);
    expect(output).toMatch(/Tests:\s+.*\d+ passed/);
    expect(code, output).toBe(0);
  });

  test('without Python, the Python tests are skipped with a notice saying how to enable them', { timeout: 120_000 }, async () => {
    const cache = emptyCache();
    try {
      const { code, output } = await vitest(['tests/python-payments.test.ts'], { TRACEPROOF_CACHE: cache, CI: undefined });
      expect(output).toContain('bash scripts/python-env.sh');
      expect(output).toMatch(/↓ .*the Python payments service joins the trace/);
      expect(code, output).toBe(0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  test('under CI=true, a missing Python env is a failure, not a skip', { timeout: 120_000 }, async () => {
    const cache = emptyCache();
    try {
      const { code, output } = await vitest(['tests/python-payments.test.ts'], { TRACEPROOF_CACHE: cache, CI: 'true' });
      expect(output).toContain('The Python payments service is required here (CI=true)');
      expect(output).toContain('bash scripts/python-env.sh');
      expect(code).not.toBe(0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
