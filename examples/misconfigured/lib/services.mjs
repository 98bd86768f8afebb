// Starts the examples' services as child processes on ports the OS picks, with the shop
// example's lifecycle helpers: each service listens on port 0, prints the port it got, and
// answers /health; stop() ends it by PID.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../shop/lifecycle/free-port.mjs';
import { logTail } from '../../shop/lifecycle/log-tail.mjs';
import { spawnService, stopService } from '../../shop/lifecycle/spawn-service.mjs';
import { waitForHealth } from '../../shop/lifecycle/wait-for-health.mjs';

const examplesDir = fileURLToPath(new URL('..', import.meta.url));
const tracing = fileURLToPath(new URL('./tracing.mjs', import.meta.url));
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

/** A loopback port nobody listens on (free a moment ago): where a misconfigured exporter sends spans. */
export const closedPort = freePort;

/**
 * @param {object} spec
 * @param {string} spec.name OTEL_SERVICE_NAME and the log's name
 * @param {string} spec.script relative to examples/misconfigured, e.g. 'lib/hello.mjs'
 * @param {boolean} [spec.traced] load lib/tracing.mjs first (default true)
 * @param {Record<string, string | undefined>} [spec.env] on top of this process's env; undefined removes a variable
 */
export async function startService({ name, script, traced = true, env = {}, readyTimeoutMs = 20_000 }) {
  const logDir = mkdtempSync(join(tmpdir(), `traceproof-misconfigured-${name}-`));
  const merged = { ...process.env, OTEL_SERVICE_NAME: name, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const service = spawnService({
    name,
    command: process.execPath,
    args: traced ? ['--import', tracing, script] : [script],
    cwd: examplesDir,
    env: merged,
    logDir,
    port: 0,
  });
  const stop = async () => {
    await stopService(service);
    rmSync(logDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + readyTimeoutMs;
    const port = await reportedPort(service, deadline);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, { deadline, exited: service.exited });
    return { name, port, url, address: `127.0.0.1:${port}`, pid: service.pid, logFile: service.logFile, stop };
  } catch (error) {
    const tail = logTail(service.logFile);
    await stop();
    throw new Error(`[misconfigured] ${name} did not start: ${error.message}. Its log:\n${tail}`);
  }
}

/** Starts several services at once; resolves when all answer /health. */
export async function startServices(specs) {
  const results = await Promise.allSettled(specs.map(startService));
  const failed = results.filter((r) => r.status === 'rejected');
  const started = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
  if (failed.length > 0) {
    await Promise.all(started.map((s) => s.stop()));
    throw failed[0].reason;
  }
  return started;
}

/** The port a service printed in its "listening on" line. */
async function reportedPort(service, deadline) {
  let gone = false;
  service.exited.then((code) => (gone = code));
  while (Date.now() < deadline) {
    if (gone !== false) throw new Error(`exited with ${gone} before it listened`);
    let text = '';
    try {
      text = readFileSync(service.logFile, 'utf8');
    } catch {}
    const match = LISTENING.exec(text);
    if (match) return Number(match[1]);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('printed no "listening on" line in time');
}
