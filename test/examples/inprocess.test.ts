import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command';

const root = join(import.meta.dirname, '..', '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
// The examples import 'traceproof/…' like a user's project: the build, through the exports map.
const env = { TRACEPROOF_BACKEND: '', TRACEPROOF_RECEIVER_URL: '', OTEL_EXPORTER_OTLP_ENDPOINT: '' };

describe('the in-process examples, run as a user runs them', () => {
  it('vitest: the passing suite passes', async () => {
    const { code, output } = await runCommand(bin('vitest'), ['run', '--config', 'examples/inprocess-vitest/vitest.config.ts'], {
      env,
      cwd: root,
    });
    expect(output).toMatch(/Tests\s+4 passed \(4\)/);
    expect(code).toBe(0);
  });

  it('vitest: the failing example fails and shows the trace tree', async () => {
    const { code, output } = await runCommand(bin('vitest'), ['run', '--config', 'examples/inprocess-vitest/vitest.failing.config.ts'], {
      env,
      cwd: root,
    });
    expect(code).toBe(1);
    expect(output).toContain('FAILS ON PURPOSE');
    expect(output).toContain('Received: 0 matching spans');
    expect(output).toMatch(/db\.query\.text: expected StringContaining "qty = 3", got "INSERT INTO orders \(sku, qty\) VALUES \(\?, \?\)"/);
    expect(output).toMatch(/Trace [0-9a-f]{32} · \d+ spans · settled/);
    expect(output).toMatch(/test {2}POST {2}\(.*server, at \+/);
    expect(output).toMatch(/[├└]─ test {2}INSERT orders {2}\(/);
  });

  it('jest: the passing suite passes in two files sharing one worker', async () => {
    const { code, output } = await runCommand(bin('jest'), ['--config', 'examples/inprocess-jest/jest.config.cjs', '--runInBand'], {
      env,
      cwd: root,
    });
    expect(output).toMatch(/Tests:\s+4 passed, 4 total/);
    expect(output).toMatch(/Test Suites:\s+2 passed, 2 total/);
    expect(code).toBe(0);
  });

  it('jest: the failing example fails and shows the trace tree', async () => {
    const { code, output } = await runCommand(bin('jest'), ['--config', 'examples/inprocess-jest/jest.failing.config.cjs'], {
      env,
      cwd: root,
    });
    expect(code).toBe(1);
    expect(output).toContain('FAILS ON PURPOSE');
    expect(output).toContain('Received: 0 matching spans');
    expect(output).toMatch(/Trace [0-9a-f]{32} · \d+ spans · settled/);
    expect(output).toMatch(/[├└]─ test {2}INSERT orders {2}\(/);
  });
});

describe('the Jest module-registry trap', () => {
  it('without the traceproof environment, sandboxed instrumentations record nothing, and the message says what to do', async () => {
    const { code, output } = await runCommand(bin('jest'), ['--config', 'examples/inprocess-jest/without-environment/jest.config.cjs'], {
      env,
      cwd: root,
    });
    expect(code).toBe(1);
    expect(output).toContain('Received: 0 matching spans');
    expect(output).toContain("set testEnvironment: 'traceproof/jest/environment'");
  });
});
