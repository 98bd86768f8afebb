import type { TraceSearch } from '../backend/trace-search';
import { TraceproofError } from '../errors';
import type { Span } from '../trace/span';
import { type ArrivalWindow, summarizeArrivals } from './summarize-arrivals';

export interface SpanStoreOptions {
  /** Who keeps the store, as its errors name it: `receiver`, `memory`. @default 'store' */
  owner?: string;
  /**
   * Spans kept in all; past it the traces updated longest ago are dropped whole.
   * @default 200000
   */
  maxSpans?: number;
  /**
   * Spans kept per trace; further spans of that trace are rejected.
   * @default 10000
   */
  maxSpansPerTrace?: number;
  /** Told about each trace dropped to stay under `maxSpans`. */
  onEvict?: (traceId: string, spanCount: number) => void;
  /** Clock for `updatedAt`, in epoch milliseconds. */
  now?: () => number;
}

/** One trace as the store has it now; an unknown trace is version 0 with no spans. */
export interface StoredTrace {
  readonly traceId: string;
  readonly version: number;
  readonly updatedAt: number | undefined;
  readonly spans: readonly Span[];
}

/** What one {@link SpanStore.add} did with its spans. */
export interface AddResult {
  readonly added: number;
  /** Already stored (same trace and span id): kept once, not counted as a change. */
  readonly duplicates: number;
  /** Left out because their trace already had `maxSpansPerTrace` spans. */
  readonly overTraceCap: number;
  /** Traces that reached the cap in this call, for messages. */
  readonly cappedTraceIds: readonly string[];
}

interface Entry {
  readonly spans: Map<string, Span>;
  /**
   * When spans arrived, as pairs (arrival ms, span count after it): the spans of one arrival are
   * the next ones in the map's insertion order. One pair per add, none per span, gone with the entry.
   */
  readonly arrivals: number[];
  version: number;
  updatedAt: number;
}

interface Waiter {
  readonly afterVersion: number;
  readonly wake: (version: number) => void;
}

const DEFAULT_MAX_SPANS = 200_000;
const DEFAULT_MAX_SPANS_PER_TRACE = 10_000;

/**
 * Spans by trace and span id, for the embedded receiver and for in-process spans. Each change of a trace gives it a new
 * version taken from one store-wide sequence, so a trace's version only grows, even when it was
 * evicted and comes back. Waiting for a change is event-driven: nothing polls.
 */
export class SpanStore {
  readonly owner: string;
  readonly maxSpans: number;
  readonly maxSpansPerTrace: number;
  // Map order is update order: the first entry is the trace updated longest ago.
  readonly #traces = new Map<string, Entry>();
  readonly #waiters = new Map<string, Set<Waiter>>();
  readonly #onEvict: ((traceId: string, spanCount: number) => void) | undefined;
  readonly #now: () => number;
  #spanCount = 0;
  #sequence = 0;
  #waiterCount = 0;

  constructor(options: SpanStoreOptions = {}) {
    this.owner = options.owner ?? 'store';
    this.maxSpans = positiveInteger(options.maxSpans ?? DEFAULT_MAX_SPANS, 'maxSpans', this.owner);
    this.maxSpansPerTrace = positiveInteger(
      options.maxSpansPerTrace ?? Math.min(DEFAULT_MAX_SPANS_PER_TRACE, this.maxSpans),
      'maxSpansPerTrace',
      this.owner,
    );
    if (this.maxSpansPerTrace > this.maxSpans) {
      throw new TraceproofError(`maxSpansPerTrace (${this.maxSpansPerTrace}) must not exceed maxSpans (${this.maxSpans}).`, {
        scope: this.owner,
      });
    }
    this.#onEvict = options.onEvict;
    this.#now = options.now ?? Date.now;
  }

  get spanCount(): number {
    return this.#spanCount;
  }

  get traceCount(): number {
    return this.#traces.size;
  }

  /** Pending {@link waitForChange} calls. */
  get waiterCount(): number {
    return this.#waiterCount;
  }

  /** Stores spans, skipping known ones and those over their trace's cap, then wakes waiters. */
  add(spans: Iterable<Span>): AddResult {
    let added = 0;
    let duplicates = 0;
    let overTraceCap = 0;
    const capped = new Set<string>();
    const changed = new Set<string>();
    for (const span of spans) {
      let entry = this.#traces.get(span.traceId);
      if (!entry) this.#traces.set(span.traceId, (entry = { spans: new Map(), arrivals: [], version: 0, updatedAt: 0 }));
      if (entry.spans.has(span.spanId)) {
        duplicates++;
      } else if (entry.spans.size >= this.maxSpansPerTrace) {
        overTraceCap++;
        capped.add(span.traceId);
      } else {
        entry.spans.set(span.spanId, span);
        this.#spanCount++;
        added++;
        changed.add(span.traceId);
      }
    }
    const now = this.#now();
    for (const traceId of changed) {
      const entry = this.#traces.get(traceId)!;
      entry.version = ++this.#sequence;
      entry.updatedAt = now;
      const arrivals = entry.arrivals;
      const last = arrivals.length - 2;
      if (last >= 0 && arrivals[last] === now) arrivals[last + 1] = entry.spans.size;
      else arrivals.push(now, entry.spans.size);
      this.#traces.delete(traceId);
      this.#traces.set(traceId, entry);
    }
    this.#evict();
    for (const traceId of changed) {
      const entry = this.#traces.get(traceId);
      if (entry) this.#notify(traceId, entry.version);
    }
    return { added, duplicates, overTraceCap, cappedTraceIds: [...capped] };
  }

  get(traceId: string): StoredTrace {
    const entry = this.#traces.get(traceId);
    return entry
      ? { traceId, version: entry.version, updatedAt: entry.updatedAt, spans: [...entry.spans.values()] }
      : { traceId, version: 0, updatedAt: undefined, spans: [] };
  }

  /**
   * The traces that got spans arriving from `search.from` to `search.to` (the store's clock), the
   * earliest arrival first, with how late each service's spans arrived after they ended.
   */
  arrivedBetween(search: TraceSearch): ArrivalWindow {
    return summarizeArrivals(this.#traces.values(), search);
  }

  version(traceId: string): number {
    return this.#traces.get(traceId)?.version ?? 0;
  }

  /**
   * Resolves with the trace's version as soon as it is above `afterVersion` (at once when it
   * already is); after `timeoutMs` resolves with the version as it is. Rejects with the
   * signal's reason on abort. Either way its listener is gone when it settles.
   */
  waitForChange(traceId: string, afterVersion: number, signal?: AbortSignal, timeoutMs?: number): Promise<number> {
    const current = this.version(traceId);
    if (current > afterVersion) return Promise.resolve(current);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<number>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const waiters = this.#waiters.get(traceId);
        if (waiters?.delete(waiter)) this.#waiterCount--;
        if (waiters?.size === 0) this.#waiters.delete(traceId);
      };
      const waiter: Waiter = {
        afterVersion,
        wake: (version) => {
          done();
          resolve(version);
        },
      };
      const onAbort = (): void => {
        done();
        reject(signal!.reason);
      };
      let waiters = this.#waiters.get(traceId);
      if (!waiters) this.#waiters.set(traceId, (waiters = new Set()));
      waiters.add(waiter);
      this.#waiterCount++;
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => waiter.wake(this.version(traceId)), Math.max(0, timeoutMs));
        timer.unref();
      }
    });
  }

  /** Drops every span; pending waiters keep waiting. */
  clear(): void {
    this.#traces.clear();
    this.#spanCount = 0;
  }

  #notify(traceId: string, version: number): void {
    const waiters = this.#waiters.get(traceId);
    if (!waiters) return;
    for (const waiter of [...waiters]) if (version > waiter.afterVersion) waiter.wake(version);
  }

  #evict(): void {
    while (this.#spanCount > this.maxSpans) {
      const oldest = this.#traces.entries().next().value;
      if (!oldest) return;
      const [traceId, entry] = oldest;
      this.#traces.delete(traceId);
      this.#spanCount -= entry.spans.size;
      this.#onEvict?.(traceId, entry.spans.size);
    }
  }
}

function positiveInteger(value: number, name: string, owner: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TraceproofError(`${name} must be a positive integer, got ${value}.`, { scope: owner });
  }
  return value;
}
