import { TraceproofError } from '../errors';

/** One line of an expected trace shape: `service name`, `*` for any service or name, and its children. */
export interface ShapeNode {
  readonly service: string;
  readonly name: string;
  readonly children: readonly ShapeNode[];
  /** A `...` line among the children: further children, with any subtree, are allowed. */
  readonly open: boolean;
  readonly line: number;
}

interface MutableNode {
  service: string;
  name: string;
  children: MutableNode[];
  open: boolean;
  line: number;
  indent: number;
}

/**
 * Parses an indented shape: one span a line as `service name` (the first word is the service),
 * children indented below their parent, `...` for "and possibly more".
 */
export function parseShape(text: string): { roots: readonly ShapeNode[]; open: boolean } {
  const top: MutableNode = { service: '', name: '', children: [], open: false, line: 0, indent: -1 };
  const stack: MutableNode[] = [top];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const indent = raw.length - raw.trimStart().length;
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!;
    const content = raw.trim();
    if (content === '...' || content === '…') {
      parent.open = true;
      return;
    }
    const space = content.search(/\s/);
    if (space < 0) {
      throw new TraceproofError(
        `Trace shape line ${index + 1} "${content}" needs a service and a span name, e.g. "orders POST /orders" (use * for any).`,
      );
    }
    const node: MutableNode = {
      service: content.slice(0, space),
      name: content.slice(space).trim(),
      children: [],
      open: false,
      line: index + 1,
      indent,
    };
    parent.children.push(node);
    stack.push(node);
  });
  return { roots: top.children, open: top.open };
}
