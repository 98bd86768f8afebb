import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What the numbers were measured on (both benches). */
export function describeMachine() {
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {}
  return {
    nproc,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    nodeOptions: process.env.NODE_OPTIONS || undefined,
  };
}
