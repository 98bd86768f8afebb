import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const requirements = fileURLToPath(new URL('../services/payments/requirements.txt', import.meta.url));

/** The command that sets the Python env up, for notices. */
export const PYTHON_ENV_COMMAND = 'bash scripts/python-env.sh';

/**
 * The venv's python made by scripts/python-env.sh, if it is ready and matches the current
 * requirements; otherwise `{ python: undefined, reason }`.
 */
export function findPythonEnv(env = process.env) {
  const venv = join(env.TRACEPROOF_CACHE || join(homedir(), '.cache', 'traceproof'), 'python-venv');
  const python = join(venv, 'bin', 'python');
  const marker = join(venv, '.traceproof-ready');
  if (!existsSync(python) || !existsSync(marker)) return { python: undefined, reason: `no Python env at ${venv}` };
  const want = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (readFileSync(marker, 'utf8').trim() !== want) {
    return { python: undefined, reason: `the Python env at ${venv} is out of date` };
  }
  return { python, reason: undefined };
}
