/**
 * A signal that aborts after `ms` or when `parent` aborts, and a `dispose` that lets go of both.
 * Node 20 can garbage-collect an `AbortSignal.timeout()` held only by `AbortSignal.any()`, so
 * the combined signal never fires; an explicit timer cannot be lost that way, and disposing it
 * keeps long waits from piling listeners onto the parent.
 */
export function timeoutSignal(parent: AbortSignal | undefined, ms: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`Timed out after ${ms} ms`, 'TimeoutError')), Math.max(0, ms));
  const onAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
