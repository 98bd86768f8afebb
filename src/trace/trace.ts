import type { Span } from './span';
import type { Equals, SpanSelector } from '../select/span-query';
import { selectSpans } from '../select/select-spans';
import { spansFromOtlpJson } from '../formats/from-otlp-json';

const TRACE = Symbol.for('traceproof.Trace');

const byStart = (a: Span, b: Span): number =>
  a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0;

export interface TraceOptions {
  readonly traceId?: string | undefined;
  readonly triggerSpanId?: string | undefined;
  /** Names come from a store that lower-cases them: selectors compare names without regard to case. */
  readonly foldsNameCase?: boolean | undefined;
}

/**
 * An immutable snapshot of one distributed trace: its spans, the parent/child tree and lookups.
 * Every backend's format converts into it.
 * @example trace.select('span[service.name="shop"] span[db.system="sqlite"]')
 */
export class Trace {
  readonly [TRACE] = true;
  readonly traceId: string;
  /** Every span, ordered by start time. */
  readonly spans: readonly Span[];
  /** Spans with no parent, or whose parent is not in the trace, ordered by start time. */
  readonly roots: readonly Span[];
  readonly #byId = new Map<string, Span>();
  readonly #children = new Map<string, Span[]>();
  #depthFirst: readonly Span[] | undefined;

  /**
   * The parent span id a trigger sent in `traceparent` without a span of its own: spans below
   * it are the trace's roots, not orphans.
   */
  readonly triggerSpanId: string | undefined;
  readonly foldsNameCase: boolean;

  constructor(spans: Iterable<Span>, options: string | TraceOptions = {}) {
    const { traceId, triggerSpanId, foldsNameCase } = typeof options === 'string' ? { traceId: options } : options;
    for (const span of spans) if (!this.#byId.has(span.spanId)) this.#byId.set(span.spanId, span);
    this.spans = Object.freeze([...this.#byId.values()].sort(byStart));
    this.traceId = traceId?.toLowerCase() ?? this.spans[0]?.traceId ?? '';
    this.triggerSpanId = triggerSpanId;
    this.foldsNameCase = foldsNameCase === true;
    const roots: Span[] = [];
    for (const span of this.spans) {
      const parentId = span.parentSpanId;
      if (parentId !== undefined && this.#byId.has(parentId)) {
        let siblings = this.#children.get(parentId);
        if (!siblings) this.#children.set(parentId, (siblings = []));
        siblings.push(span);
      } else {
        roots.push(span);
      }
    }
    this.roots = Object.freeze([...roots, ...this.#unreachable(roots)].sort(byStart));
    Object.freeze(this);
  }

  /**
   * A trace from an OTLP/JSON `ExportTraceServiceRequest` exported elsewhere (a file, a
   * collector's file exporter, production), to run the same assertions on it.
   * @example expect(Trace.fromOtlpJson(readFileSync('checkout.json', 'utf8'))).toHaveSpan({ name: 'charge' })
   */
  static fromOtlpJson(body: unknown, traceId?: string): Trace {
    const spans = spansFromOtlpJson(body);
    const id = traceId?.toLowerCase() ?? spans[0]?.traceId;
    return new Trace(id === undefined ? spans : spans.filter((s) => s.traceId === id), { traceId: id });
  }

  /** Spans in a parent cycle are below no root; they are shown as roots rather than lost. */
  #unreachable(roots: readonly Span[]): Span[] {
    const reached = new Set<string>();
    const stack = [...roots];
    while (stack.length > 0) {
      const span = stack.pop()!;
      if (reached.has(span.spanId)) continue;
      reached.add(span.spanId);
      stack.push(...(this.#children.get(span.spanId) ?? []));
    }
    const lost = this.spans.filter((s) => !reached.has(s.spanId));
    for (const span of lost) {
      const siblings = this.#children.get(span.parentSpanId!);
      if (siblings)
        this.#children.set(
          span.parentSpanId!,
          siblings.filter((s) => s !== span),
        );
    }
    return lost;
  }

  /** The root span: the earliest without a parent (or below the trigger), else the earliest orphan. */
  get root(): Span | undefined {
    return this.roots.find((s) => this.isTopLevel(s)) ?? this.roots[0];
  }

  /** Whether a span is a proper root: no parent, or the trigger's `traceparent` as parent. */
  isTopLevel(span: Span): boolean {
    return span.parentSpanId === undefined || span.parentSpanId === this.triggerSpanId;
  }

  get size(): number {
    return this.spans.length;
  }

  getSpan(spanId: string): Span | undefined {
    return this.#byId.get(spanId.toLowerCase());
  }

  parentOf(span: Span): Span | undefined {
    return span.parentSpanId === undefined ? undefined : this.#byId.get(span.parentSpanId);
  }

  childrenOf(span: Span): readonly Span[] {
    return this.#children.get(span.spanId) ?? [];
  }

  /** Parent first, root last. */
  ancestorsOf(span: Span): Span[] {
    const out: Span[] = [];
    const seen = new Set<string>([span.spanId]);
    for (let p = this.parentOf(span); p && !seen.has(p.spanId); p = this.parentOf(p)) {
      seen.add(p.spanId);
      out.push(p);
    }
    return out;
  }

  /** Every span below `span`, depth first, siblings by start time. */
  descendantsOf(span: Span): Span[] {
    const out: Span[] = [];
    const visit = (s: Span): void => {
      for (const child of this.childrenOf(s)) {
        out.push(child);
        visit(child);
      }
    };
    visit(span);
    return out;
  }

  /** Depth of a span: 0 for a root. */
  depthOf(span: Span): number {
    return this.ancestorsOf(span).length;
  }

  /** Every span in depth-first order from the roots, siblings by start time. */
  depthFirst(): readonly Span[] {
    if (!this.#depthFirst) {
      const out: Span[] = [];
      for (const root of this.roots) out.push(root, ...this.descendantsOf(root));
      this.#depthFirst = Object.freeze(out);
    }
    return this.#depthFirst;
  }

  /** Span ids that some span names as its parent but that are not in the trace. */
  missingParentIds(): string[] {
    const missing = new Set<string>();
    for (const span of this.spans) {
      if (!this.isTopLevel(span) && !this.#byId.has(span.parentSpanId!)) missing.add(span.parentSpanId!);
    }
    return [...missing];
  }

  /** The spans a selector matches, in depth-first order. */
  select(selector: SpanSelector, equals?: Equals): Span[] {
    return selectSpans(this, selector, equals);
  }

  /** The first span a selector matches, or `undefined`. */
  find(selector: SpanSelector, equals?: Equals): Span | undefined {
    return this.select(selector, equals)[0];
  }
}

/** Whether a value is a {@link Trace}, also across module copies (ESM/CJS, Jest registries). */
export function isTrace(value: unknown): value is Trace {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[TRACE] === true;
}
