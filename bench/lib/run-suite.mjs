import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { now } from './now.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

/** Runs the shop's vitest suite with `config` in a fresh process; wall time includes startup. */
export function runSuite(config) {
  const env = { ...process.env, TRACEPROOF_OTLP_PORT: '0', TRACEPROOF_GRPC_PORT: 'off', NO_COLOR: '1' };
  // This process's receiver published itself to the env; the suite starts its own.
  delete env.TRACEPROOF_RECEIVER_URL;
  delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const started = now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '--config', config], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => {
      const tests = /^\s*Tests\s+(.*)$/m.exec(output)?.[1]?.trim();
      if (code !== 0) console.log(`[bench] ${config} exited with ${code}:\n${output.slice(-4000)}`);
      resolve({ code, wallMs: now() - started, tests, output });
    });
  });
}
