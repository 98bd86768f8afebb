import type { Span } from '../trace/span';
import type { SpanTree } from '../trace/span-tree';
import type { PseudoClass, SelectorAst, SelectorChain, SpanStep } from './selector-ast';
import { stepMismatches } from './step-mismatches';

/**
 * The spans a parsed string selector selects, in the trace's depth-first order, each once.
 *
 * As in Tracetest, a pseudo-class picks from the spans its step matched, in depth-first order
 * (siblings by start time), not from a span's siblings: at the start of a chain over the whole
 * trace, after a descendant combinator over the subtree of each span the previous step selected.
 */
export function evaluateSelector(trace: SpanTree, ast: SelectorAst): Span[] {
  const all = trace.depthFirst();
  if (ast.chains.length === 0) return [...all];
  const selected = new Set<Span>();
  for (const chain of ast.chains) for (const span of evaluateChain(trace, chain)) selected.add(span);
  return all.filter((span) => selected.has(span));
}

function evaluateChain(trace: SpanTree, chain: SelectorChain): Iterable<Span> {
  const [first, ...rest] = chain;
  if (!first) return [];
  let current: ReadonlySet<Span> = new Set(pick(trace.depthFirst().filter(matcher(trace, first)), first.pseudoClass));
  for (const step of rest) {
    if (current.size === 0) break;
    current = step.pseudoClass ? descendantsPerScope(trace, current, step) : descendantsOfAny(trace, current, step);
  }
  return current;
}

/** One pass over the trace: a span qualifies when some ancestor is in `scopes`. */
function descendantsOfAny(trace: SpanTree, scopes: ReadonlySet<Span>, step: SpanStep): Set<Span> {
  const inside = new Set<Span>();
  const matches = matcher(trace, step);
  const out = new Set<Span>();
  for (const span of trace.depthFirst()) {
    const parent = trace.parentOf(span);
    if (!parent || !(scopes.has(parent) || inside.has(parent))) continue;
    inside.add(span);
    if (matches(span)) out.add(span);
  }
  return out;
}

function descendantsPerScope(trace: SpanTree, scopes: ReadonlySet<Span>, step: SpanStep): Set<Span> {
  const matched = new Set(trace.depthFirst().filter(matcher(trace, step)));
  const out = new Set<Span>();
  for (const scope of scopes) {
    const candidates = trace.descendantsOf(scope).filter((span) => matched.has(span));
    for (const span of pick(candidates, step.pseudoClass)) out.add(span);
  }
  return out;
}

function matcher(trace: SpanTree, step: SpanStep): (span: Span) => boolean {
  return (span) => stepMismatches(span, step, trace.foldsNameCase).next().done === true;
}

function pick(spans: readonly Span[], pseudoClass: PseudoClass | undefined): readonly Span[] {
  if (!pseudoClass) return spans;
  const index = pseudoClass.kind === 'first' ? 0 : pseudoClass.kind === 'last' ? spans.length - 1 : pseudoClass.n - 1;
  const span = spans[index];
  return span ? [span] : [];
}
