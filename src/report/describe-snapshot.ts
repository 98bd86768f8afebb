import type { SnapshotState } from './snapshot-state';
import { formatMilliseconds } from '../util/duration';
import { renderTraceTree } from './render-trace-tree';

/** A last fetch unanswered for less than this is ordinary latency, not worth a line. */
const SLOW_ANSWER_MS = 50;

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
    if (state.unansweredMs !== undefined && state.unansweredMs >= SLOW_ANSWER_MS) {
      lines.push(`  - the backend had not answered the last fetch after ${formatMilliseconds(state.unansweredMs)} when the deadline came`);
    }
  }
  for (const note of settled?.notes ?? []) lines.push(`  note: ${note}`);
  lines.push(renderTraceTree(trace, highlight ? { highlight } : {}));
  lines.push(...(state.evidence ?? []));
  if (trace.size === 0 && state.likelyCauses && state.likelyCauses.length > 0) {
    lines.push(state.evidence?.length ? 'Other likely causes:' : 'Likely causes:', ...state.likelyCauses.map((cause) => `  - ${cause}`));
  }
  if (state.url) lines.push(`Open it: ${state.url}`);
  return lines.join('\n');
}
