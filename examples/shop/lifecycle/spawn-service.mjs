import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starts one service as a child process with its output in `${logDir}/${name}.log`.
 * stdin stays a pipe held by this process: the service exits when it closes, so no service
 * outlives the run that started it, even when that run is killed.
 */
export function spawnService({ name, command, args, cwd, env, logDir, port }) {
  const logFile = join(logDir, `${name}.log`);
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd,
    env: { ...env, PORT: String(port), SHOP_EXIT_WITH_PARENT: '1' },
    stdio: ['pipe', log, log],
  });
  closeSync(log);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
    child.once('error', (error) => resolve(error.message));
  });
  return { name, url: `http://127.0.0.1:${port}`, port, pid: child.pid, child, logFile, exited };
}

/** SIGTERM (the service flushes its spans and leaves), then SIGKILL after `graceMs`. */
export async function stopService(service, graceMs = 3000) {
  const { child, exited } = service;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  child.stdin?.destroy();
}
