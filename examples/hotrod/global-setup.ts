import { HOTROD_URL, JAEGER_URL } from './tests/hotrod';

/** Fails the run at once, with the command to fix it, when HotROD or Jaeger is not up. */
export default async function checkHotrodIsUp(): Promise<void> {
  for (const [what, url] of [
    ['HotROD', `${HOTROD_URL}/config`],
    ['Jaeger', `${JAEGER_URL}/api/services`],
  ] as const) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      await response.arrayBuffer();
      if (response.ok) continue;
      throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      const reason = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
      throw new Error(
        `[traceproof] [hotrod example] ${what} does not answer at ${url} (${reason}). ` +
          'Start both with: eval "$(scripts/backends/start.sh hotrod)" (builds them once, then takes a second).',
      );
    }
  }
}
