/**
 * Polls `${url}/health` until it answers 200, the process exits, or the deadline passes.
 * Resolves on success; rejects with a reason otherwise.
 */
export async function waitForHealth(url, { timeoutMs, exited }) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  let gone = false;
  exited.then((code) => (gone = code));
  while (Date.now() < deadline) {
    if (gone !== false) throw new Error(`exited with ${gone} before it was ready`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      lastError = `/health answered ${res.status}`;
    } catch (error) {
      lastError = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not ready after ${timeoutMs} ms (${lastError})`);
}
