import type { Span } from '../trace/span';
import { combineSearchAnswers } from './combine-search-answers';
import type { TraceBackend } from './trace-backend';
import type { TraceSearch, TraceSearchAnswer } from './trace-search';

/**
 * One backend reading several: the spans this process made itself (memory) and those its
 * services exported elsewhere (receiver, Jaeger…), merged by span id. It can wait for a change
 * only when every part can; otherwise it is polled.
 */
export function combineBackends(backends: readonly TraceBackend[]): TraceBackend {
  if (backends.length === 1) return backends[0]!;
  const fetchTrace = async (traceId: string, signal: AbortSignal): Promise<Span[]> => {
    const parts = await Promise.all(backends.map((b) => b.fetchTrace(traceId, signal)));
    const byId = new Map<string, Span>();
    for (const spans of parts) for (const span of spans) if (!byId.has(span.spanId)) byId.set(span.spanId, span);
    return [...byId.values()];
  };
  const pushing = backends.every((b) => b.waitForChange);
  const waitForChange = async (traceId: string, version: number, signal: AbortSignal): Promise<number> => {
    const current = await Promise.all(backends.map((b) => b.waitForChange!(traceId, -1, signal)));
    const sum = current.reduce((a, b) => a + b, 0);
    if (sum > version || signal.aborted) return sum;
    const race = new AbortController();
    const onAbort = (): void => race.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.race(backends.map((b, i) => b.waitForChange!(traceId, current[i]!, race.signal)));
    } finally {
      race.abort();
      signal.removeEventListener('abort', onAbort);
    }
    const after = await Promise.all(backends.map((b) => b.waitForChange!(traceId, -1, signal)));
    return after.reduce((a, b) => a + b, 0);
  };
  const searching = backends.some((b) => b.findTraces);
  // A part that cannot search, or fails to, is named in `notChecked`; only when all fail does the search fail.
  const findTraces = async (search: TraceSearch, signal: AbortSignal): Promise<TraceSearchAnswer> => {
    const notChecked: string[] = [];
    const parts: (TraceSearchAnswer & { backend: string })[] = [];
    const errors: unknown[] = [];
    const settled = await Promise.allSettled(backends.map((b) => b.findTraces?.(search, signal)));
    for (const [i, outcome] of settled.entries()) {
      const name = backends[i]!.name;
      if (outcome.status === 'rejected') {
        errors.push(outcome.reason);
        notChecked.push(`${name}: the search failed: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`);
      } else if (outcome.value === undefined) {
        notChecked.push(`${name}: cannot search recent traces`);
      } else {
        parts.push({ ...outcome.value, backend: name });
      }
    }
    if (parts.length === 0) throw errors[0];
    return combineSearchAnswers(parts, notChecked, search.limit ?? 20);
  };
  return {
    name: backends.map((b) => b.name).join('+'),
    ...(searching ? { findTraces } : {}),
    foldsNameCase: backends.some((b) => b.foldsNameCase),
    fetchTrace,
    ...(pushing ? { waitForChange } : {}),
    traceUrl: (traceId) => backends.map((b) => b.traceUrl?.(traceId)).find(Boolean),
    close: async () => {
      await Promise.all(backends.map((b) => b.close?.()));
    },
  };
}
