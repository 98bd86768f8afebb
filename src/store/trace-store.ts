import type { Span } from '../trace/span';

interface StoredTrace {
  readonly spans: Map<string, Span>;
  version: number;
  readonly waiters: Set<() => void>;
}

/**
 * Spans grouped by trace id, each trace with a version that grows on every change, and
 * event-driven waiting for a change: nothing polls.
 */
export class TraceStore {
  readonly #traces = new Map<string, StoredTrace>();

  add(spans: Iterable<Span>): void {
    const changed = new Set<StoredTrace>();
    for (const span of spans) {
      const trace = this.#entry(span.traceId);
      if (trace.spans.has(span.spanId)) continue;
      trace.spans.set(span.spanId, span);
      trace.version += 1;
      changed.add(trace);
    }
    for (const trace of changed) for (const wake of [...trace.waiters]) wake();
  }

  spans(traceId: string): Span[] {
    return [...(this.#traces.get(traceId)?.spans.values() ?? [])];
  }

  version(traceId: string): number {
    return this.#traces.get(traceId)?.version ?? 0;
  }

  /** Resolves with the trace's version as soon as it is above `afterVersion`, or when `signal` aborts. */
  waitForChange(traceId: string, afterVersion: number, signal: AbortSignal): Promise<number> {
    const trace = this.#entry(traceId);
    if (trace.version > afterVersion || signal.aborted) return Promise.resolve(trace.version);
    return new Promise((resolve) => {
      const wake = (): void => {
        trace.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve(trace.version);
      };
      trace.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  clear(): void {
    this.#traces.clear();
  }

  #entry(traceId: string): StoredTrace {
    let trace = this.#traces.get(traceId);
    if (!trace) this.#traces.set(traceId, (trace = { spans: new Map(), version: 0, waiters: new Set() }));
    return trace;
  }
}
