import type { Span } from '../trace/span';
import type { Trace } from '../trace/trace';
import { formatMilliseconds } from '../util/duration';

/** Whether a trace looks complete, and if not, why: used to stop waiting and in messages. */
export interface SettledState {
  readonly settled: boolean;
  /** Why the trace is not (yet) known to be complete; empty when settled. */
  readonly reasons: readonly string[];
  /** Observations worth showing in a failure message that do not block settling. */
  readonly notes: readonly string[];
  /** How long to wait before the state can change without a new span arriving. */
  readonly recheckInMs?: number;
}

export interface SettleRules {
  /** Time since the last new span arrived. */
  readonly quietForMs: number;
  /** How long no new span may arrive before the trace counts as settled. */
  readonly quietWindowMs: number;
}

/** Outbound calls wait longer for their callee: a childless HTTP/RPC client span usually means its server span is still in an exporter's buffer. */
const OUTBOUND_GRACE_FACTOR = 4;

const isOutboundCall = (span: Span): boolean =>
  (span.kind === 'client' || span.kind === 'producer') &&
  ('http.request.method' in span.attributes || 'http.method' in span.attributes || 'rpc.system' in span.attributes);

/**
 * A trace is settled when its root span has arrived, every span's parent is present, and no
 * new span arrived for the quiet window (longer while an outbound call has no callee span).
 */
export function assessSettled(trace: Trace, rules: SettleRules): SettledState {
  if (trace.size === 0) return { settled: false, reasons: ['no span of this trace has arrived yet'], notes: [] };
  const reasons: string[] = [];
  if (!trace.spans.some((s) => trace.isTopLevel(s))) reasons.push('the root span has not arrived');
  const missing = trace.missingParentIds();
  if (missing.length > 0) {
    const waiting = trace.spans.filter((s) => s.parentSpanId !== undefined && missing.includes(s.parentSpanId));
    reasons.push(
      `${waiting.length} span(s) point at a parent that has not arrived: ${waiting
        .slice(0, 3)
        .map((s) => `${s.service} "${s.name}" → parent ${s.parentSpanId}`)
        .join(', ')}`,
    );
  }
  const childless = trace.spans.filter((s) => isOutboundCall(s) && trace.childrenOf(s).length === 0);
  const window = childless.length > 0 ? rules.quietWindowMs * OUTBOUND_GRACE_FACTOR : rules.quietWindowMs;
  if (rules.quietForMs < window) {
    reasons.push(`the last new span arrived ${formatMilliseconds(rules.quietForMs)} ago (quiet window ${formatMilliseconds(window)})`);
  }
  const notes = childless.map(
    (s) =>
      `outbound call ${s.service} "${s.name}" has no child span: the callee is not instrumented, exports slowly, or did not receive the traceparent header`,
  );
  return reasons.length > 0
    ? { settled: false, reasons, notes, recheckInMs: Math.max(1, window - rules.quietForMs) }
    : { settled: true, reasons, notes };
}
