import type { Span } from '../trace/span';
import type { Trace } from '../trace/trace';
import type { ShapeNode } from './parse-shape';

const labelMatches = (node: ShapeNode, span: Span): boolean =>
  (node.service === '*' || node.service === span.service) && (node.name === '*' || node.name === span.name);

/**
 * Whether the spans can be paired one to one with the shape nodes, each pair matching in
 * label and, recursively, in children. Sibling order is free: concurrent calls finish in any order.
 */
export function matchShape(trace: Trace, nodes: readonly ShapeNode[], spans: readonly Span[], open: boolean): boolean {
  if (!open && nodes.length !== spans.length) return false;
  if (nodes.length > spans.length) return false;
  const used = new Set<number>();
  const assign = (i: number): boolean => {
    if (i === nodes.length) return true;
    const node = nodes[i]!;
    for (let j = 0; j < spans.length; j++) {
      if (used.has(j) || !labelMatches(node, spans[j]!)) continue;
      if (!matchShape(trace, node.children, trace.childrenOf(spans[j]!), node.open)) continue;
      used.add(j);
      if (assign(i + 1)) return true;
      used.delete(j);
    }
    return false;
  };
  return assign(0);
}

/** The trace drawn in shape syntax, two spaces per level, siblings by start time. */
export function renderShape(trace: Trace): string {
  const lines: string[] = [];
  const visit = (span: Span, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${span.service} ${span.name}`);
    for (const child of trace.childrenOf(span)) visit(child, depth + 1);
  };
  for (const root of trace.roots) visit(root, 0);
  return lines.join('\n');
}

/** The shape as the user wrote it, normalised to two spaces per level, for the diff. */
export function renderShapeNodes(nodes: readonly ShapeNode[], open: boolean, depth = 0): string {
  const lines: string[] = [];
  for (const node of nodes) {
    lines.push(`${'  '.repeat(depth)}${node.service} ${node.name}`);
    const below = renderShapeNodes(node.children, node.open, depth + 1);
    if (below) lines.push(below);
  }
  if (open) lines.push(`${'  '.repeat(depth)}...`);
  return lines.join('\n');
}
