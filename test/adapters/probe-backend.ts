import type { BackendAvailability } from './contract';

/**
 * Whether the backend named by an environment variable answers: `TRACEPROOF_JAEGER_URL` and its
 * kin are set by `scripts/backends/start.sh` (and `.ci/run`). Unset or silent means unavailable,
 * with the reason, so the contract can fail under CI and skip with a notice elsewhere.
 */
export async function probeBackend(envVar: string, healthPath: string): Promise<BackendAvailability> {
  const url = process.env[envVar]?.replace(/\/+$/, '');
  if (!url) return { available: false, reason: `${envVar} is not set` };
  try {
    const response = await fetch(url + healthPath, { signal: AbortSignal.timeout(3000) });
    await response.arrayBuffer();
    if (response.status >= 500) return { available: false, reason: `${url}${healthPath} answered HTTP ${response.status}` };
    return { available: true, url };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.message : String(error));
    return { available: false, reason: `${url} does not answer (${cause})` };
  }
}
