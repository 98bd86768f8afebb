/**
 * Polls `${url}/health` until it answers 200, the process exits, or `deadline` (a Date.now()
 * value, shared by all the services of one start) passes. Resolves with the milliseconds it took;
 * rejects with a reason otherwise.
 */
export async function waitForHealth(url, { deadline, exited, startedAt = Date.now() }) {
  let lastError = 'no answer yet';
  let gone = false;
  exited.then((code) => (gone = code));
  // Start fast (a quiet machine answers in well under a second), then back off so that probing
  // does not take CPU from services that are still starting on a loaded machine.
  let pause = 25;
  while (Date.now() < deadline) {
    if (gone !== false) throw new Error(`exited with ${gone} before it was ready`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(Math.max(1, Math.min(1000, deadline - Date.now()))) });
      await res.arrayBuffer();
      if (res.status === 200) return Date.now() - startedAt;
      lastError = `/health answered ${res.status}`;
    } catch (error) {
      lastError = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(0, deadline - Date.now()))));
    pause = Math.min(pause * 2, 250);
  }
  throw new Error(`no answer on /health yet (last try: ${lastError})`);
}
