import { createSpan, type Attributes, type Span, type SpanKind, type SpanStatusCode } from '../../src/trace/span';
import { Trace } from '../../src/trace/trace';

export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
/** Nanoseconds since the epoch at which every built trace starts. */
export const TRACE_START = 1_700_000_000_000_000_000n;

/** One span of a trace to build; times are milliseconds after {@link TRACE_START}. */
export interface SpanNode {
  name: string;
  service?: string;
  kind?: SpanKind;
  status?: SpanStatusCode;
  statusMessage?: string;
  attributes?: Attributes;
  resource?: Attributes;
  spanId?: string;
  /** Default: 1 ms after the span before it in the list. */
  start?: number;
  /** Default: 10 ms. */
  duration?: number;
  children?: SpanNode[];
}

/**
 * Builds a {@link Trace} from nested nodes, or from an indented outline where each line is
 * `service span name` optionally followed by a JSON object of attributes:
 * ```
 * api GET /orders
 *   api SELECT orders {"db.system": "postgresql"}
 * ```
 */
export function buildTrace(spec: string | readonly SpanNode[]): Trace {
  const nodes = typeof spec === 'string' ? parseOutline(spec) : spec;
  const spans: Span[] = [];
  const add = (node: SpanNode, parentSpanId: string | undefined): void => {
    const start = node.start ?? spans.length;
    const spanId = node.spanId ?? (spans.length + 1).toString(16).padStart(16, '0');
    spans.push(
      createSpan({
        traceId: TRACE_ID,
        spanId,
        parentSpanId,
        name: node.name,
        service: node.service,
        kind: node.kind,
        status: node.status ? { code: node.status, ...(node.statusMessage ? { message: node.statusMessage } : {}) } : undefined,
        attributes: node.attributes,
        resource: node.resource ?? (node.service ? { 'service.name': node.service } : undefined),
        startTimeUnixNano: TRACE_START + BigInt(Math.round(start * 1e6)),
        endTimeUnixNano: TRACE_START + BigInt(Math.round((start + (node.duration ?? 10)) * 1e6)),
      }),
    );
    for (const child of node.children ?? []) add(child, spanId);
  };
  for (const node of nodes) add(node, undefined);
  return new Trace(spans, TRACE_ID);
}

function parseOutline(outline: string): SpanNode[] {
  const roots: SpanNode[] = [];
  const open: { indent: number; node: SpanNode }[] = [];
  for (const line of outline.split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const braceAt = line.indexOf('{');
    const head = (braceAt < 0 ? line : line.slice(0, braceAt)).trim();
    const space = head.indexOf(' ');
    if (space < 0) throw new Error(`Outline line needs "service span name": ${line}`);
    const node: SpanNode = {
      service: head.slice(0, space),
      name: head.slice(space + 1).trim(),
      ...(braceAt < 0 ? {} : { attributes: JSON.parse(line.slice(braceAt)) as Attributes }),
    };
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    const parent = open[open.length - 1]?.node;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
    open.push({ indent, node });
  }
  return roots;
}
