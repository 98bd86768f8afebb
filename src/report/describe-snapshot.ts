import type { SnapshotState } from './snapshot-state';
import { formatMilliseconds } from '../util/duration';
import { renderTraceTree } from './render-trace-tree';

/** The trace part of a failure message: id, size, whether it was complete, the tree, a link. */
export function describeSnapshot(state: SnapshotState, highlight?: ReadonlySet<string>): string {
  const { trace, settled } = state;
  const lines = [`Trace ${trace.traceId || '(unknown id)'} · ${trace.size} span${trace.size === 1 ? '' : 's'}`];
  if (settled === undefined) {
    lines[0] += ' · snapshot';
  } else if (settled.settled) {
    lines[0] += ` · settled${state.waitedMs !== undefined ? ` (waited ${formatMilliseconds(state.waitedMs)})` : ''}`;
  } else if (state.decidedEarly) {
    lines[0] += ` · still arriving; more spans cannot change this verdict${state.waitedMs !== undefined ? ` (decided after ${formatMilliseconds(state.waitedMs)})` : ''}`;
  } else {
    lines[0] += ` · NOT settled: the trace may be incomplete${state.timedOut && state.waitedMs !== undefined ? ` (deadline passed after ${formatMilliseconds(state.waitedMs)})` : ''}`;
    for (const reason of settled.reasons) lines.push(`  - ${reason}`);
  }
  for (const note of settled?.notes ?? []) lines.push(`  note: ${note}`);
  lines.push(renderTraceTree(trace, highlight ? { highlight } : {}));
  if (trace.size === 0 && state.likelyCauses && state.likelyCauses.length > 0) {
    lines.push('Likely causes:', ...state.likelyCauses.map((cause) => `  - ${cause}`));
  }
  if (state.url) lines.push(`Open it: ${state.url}`);
  return lines.join('\n');
}
