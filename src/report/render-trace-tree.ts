import type { Span } from '../trace/span';
import type { Trace } from '../trace/trace';
import { formatMilliseconds } from '../util/duration';

export interface RenderTreeOptions {
  /** Span ids to mark with `›`, e.g. the spans an assertion selected. */
  readonly highlight?: ReadonlySet<string>;
  /** At most this many spans are drawn; the rest are counted. */
  readonly maxSpans?: number;
}

function describeSpan(span: Span, traceStart: bigint): string {
  const offset = Number(span.startTimeUnixNano - traceStart) / 1e6;
  const status = span.status.code === 'error' ? `  ✗ error${span.status.message ? `: ${span.status.message}` : ''}` : '';
  const kind = span.kind === 'unspecified' || span.kind === 'internal' ? '' : ` ${span.kind}`;
  return `${span.service}  ${span.name}  (${formatMilliseconds(span.durationMs)}${kind}, at +${formatMilliseconds(offset)})${status}`;
}

/**
 * Draws a trace as an indented tree, one span a line: service, name, duration, kind, start
 * offset and error status. Spans whose parent is missing are drawn as extra roots.
 */
export function renderTraceTree(trace: Trace, options: RenderTreeOptions = {}): string {
  if (trace.size === 0) return '  (no spans)';
  const max = options.maxSpans ?? 80;
  const start = trace.spans[0]!.startTimeUnixNano;
  const lines: string[] = [];
  let drawn = 0;
  const draw = (span: Span, prefix: string, branch: string, isRoot: boolean): void => {
    if (drawn >= max) return;
    drawn += 1;
    const mark = options.highlight?.has(span.spanId) ? '› ' : '  ';
    const orphan = isRoot && !trace.isTopLevel(span) ? `  [parent ${span.parentSpanId} not in trace]` : '';
    lines.push(`${mark}${prefix}${branch}${describeSpan(span, start)}${orphan}`);
    const children = trace.childrenOf(span);
    const childPrefix = isRoot ? prefix : prefix + (branch === '└─ ' ? '   ' : '│  ');
    for (const [i, child] of children.entries()) draw(child, childPrefix, i === children.length - 1 ? '└─ ' : '├─ ', false);
  };
  for (const root of trace.roots) draw(root, '', '', true);
  if (drawn < trace.size) lines.push(`  … and ${trace.size - drawn} more span(s)`);
  return lines.join('\n');
}
