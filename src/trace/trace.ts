import type { Span } from './span';
import type { Equals, SpanSelector } from '../select/span-query';
import { selectSpans } from '../select/select-spans';

const byStart = (a: Span, b: Span): number =>
  a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0;

/**
 * An immutable snapshot of one distributed trace: its spans, the parent/child tree and lookups.
 * Every backend's format converts into it.
 * @example trace.select('span[service.name="shop"] span[db.system="sqlite"]')
 */
export class Trace {
  readonly traceId: string;
  /** Every span, ordered by start time. */
  readonly spans: readonly Span[];
  /** Spans with no parent, or whose parent is not in the trace, ordered by start time. */
  readonly roots: readonly Span[];
  readonly #byId = new Map<string, Span>();
  readonly #children = new Map<string, Span[]>();
  #depthFirst: readonly Span[] | undefined;

  constructor(spans: Iterable<Span>, traceId?: string) {
    for (const span of spans) if (!this.#byId.has(span.spanId)) this.#byId.set(span.spanId, span);
    this.spans = Object.freeze([...this.#byId.values()].sort(byStart));
    this.traceId = traceId?.toLowerCase() ?? this.spans[0]?.traceId ?? '';
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
    this.roots = Object.freeze(roots);
    Object.freeze(this);
  }

  /** The root span: the one without a parent (the earliest such), else the earliest orphan. */
  get root(): Span | undefined {
    return this.roots.find((s) => s.parentSpanId === undefined) ?? this.roots[0];
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
      if (span.parentSpanId !== undefined && !this.#byId.has(span.parentSpanId)) missing.add(span.parentSpanId);
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
