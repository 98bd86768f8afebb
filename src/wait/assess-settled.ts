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
  /** Settled on evidence (every call answered, every export delay known), before the quiet window. */
  readonly proven?: boolean;
}

/** Who is behind an outbound call that has no child span. */
export type Callee =
  | { readonly kind: 'external'; readonly address: string }
  /** Its server spans were seen earlier in the run: a span of it is due. */
  | { readonly kind: 'known'; readonly address: string; readonly service: string }
  /** It reported nothing in this run (or the call names no address): counted as outside the system. */
  | { readonly kind: 'unseen'; readonly address: string | undefined }
  /**
   * It reported nothing in this run yet, but listens on this machine: most likely a service under
   * test whose first spans are late (a batching exporter, a retried export), so its span is waited for.
   */
  | { readonly kind: 'local'; readonly address: string };

export interface SettleRules {
  /** Time since the last new span arrived. */
  readonly quietForMs: number;
  /** How long no new span may arrive before the trace counts as settled. */
  readonly quietWindowMs: number;
  /** Epoch milliseconds now. */
  readonly now?: number | undefined;
  /** Who answers a childless outbound call; without it every callee is unseen. */
  readonly callee?: ((span: Span) => Callee) | undefined;
  /** Per service, the longest export delay seen in this run (ms); proves completeness when every service has one. */
  readonly exportDelayMs?: ((service: string) => number | undefined) | undefined;
}

/** Outbound calls to a callee never seen wait longer: its server span may still be in an exporter's buffer. */
const OUTBOUND_GRACE_FACTOR = 4;
/** Proof of completeness waits this many times the longest export delay seen, past the last span's end. */
const EXPORT_DELAY_FACTOR = 3;
const PROOF_FLOOR_MS = 20;

export const isOutboundCall = (span: Span): boolean =>
  (span.kind === 'client' || span.kind === 'producer') &&
  ('http.request.method' in span.attributes || 'http.method' in span.attributes || 'rpc.system' in span.attributes);

const callName = (s: Span): string => `${s.service} "${s.name}"`;

/**
 * A trace is settled when its root span has arrived, every span's parent is present, every
 * outbound call to a service of this run has its callee's span, and either completeness is
 * proven (every service's export delay is known and has passed since the last span ended) or
 * no new span arrived for the quiet window (longer while a call to an unseen callee has no child).
 */
export function assessSettled(trace: Trace, rules: SettleRules): SettledState {
  if (trace.size === 0) return { settled: false, reasons: ['no span of this trace has arrived yet'], notes: [] };
  const reasons: string[] = [];
  const notes: string[] = [];
  if (!trace.spans.some((s) => trace.isTopLevel(s))) reasons.push('the root span has not arrived');
  const missing = trace.missingParentIds();
  if (missing.length > 0) {
    const waiting = trace.spans.filter((s) => s.parentSpanId !== undefined && missing.includes(s.parentSpanId));
    reasons.push(
      `${waiting.length} span(s) point at a parent that has not arrived: ${waiting
        .slice(0, 3)
        .map((s) => `${callName(s)} → parent ${s.parentSpanId}`)
        .join(', ')}`,
    );
  }
  let unseenCalls = 0;
  for (const span of trace.spans.filter((s) => isOutboundCall(s) && trace.childrenOf(s).length === 0)) {
    const callee = rules.callee?.(span) ?? { kind: 'unseen', address: undefined };
    if (callee.kind === 'known') {
      reasons.push(
        `incomplete: the call to ${callee.address} from ${span.service} never reported a span (${callee.service} answered at that address earlier in this run; ${callName(span)})`,
      );
    } else if (callee.kind === 'local') {
      reasons.push(
        `the call to ${callee.address} from ${callName(span)} has no span from its callee yet: a service on this machine, so it is waited for; if it is outside the system, say so with configure({ external: ['${callee.address}'] })`,
      );
    } else if (callee.kind === 'external') {
      notes.push(`the call to ${callee.address} from ${callName(span)} is outside the system (configured as external)`);
    } else {
      unseenCalls++;
      notes.push(
        `the call ${callee.address ? `to ${callee.address} ` : ''}from ${callName(span)} has no span from its callee, which reported none in this run: counted as outside the system (say so with configure({ external: ['${callee.address ?? 'host:port'}'] }), or instrument it)`,
      );
    }
  }
  const proofInMs = reasons.length === 0 && unseenCalls === 0 ? proofOfCompletenessInMs(trace, rules) : undefined;
  if (proofInMs !== undefined && proofInMs <= 0) return { settled: true, reasons, notes, proven: true };
  const window = unseenCalls > 0 ? rules.quietWindowMs * OUTBOUND_GRACE_FACTOR : rules.quietWindowMs;
  if (rules.quietForMs < window) {
    reasons.push(`the last new span arrived ${formatMilliseconds(rules.quietForMs)} ago (quiet window ${formatMilliseconds(window)})`);
  }
  if (reasons.length === 0) return { settled: true, reasons, notes };
  const quietIn = Math.max(1, window - rules.quietForMs);
  return { settled: false, reasons, notes, recheckInMs: proofInMs === undefined ? quietIn : Math.max(1, Math.min(quietIn, proofInMs)) };
}

/**
 * Milliseconds until completeness is proven from export delays (≤ 0: proven now): every span
 * that ended before the last one did has been exported by then. Undefined when some service's
 * export delay is not known yet.
 */
function proofOfCompletenessInMs(trace: Trace, rules: SettleRules): number | undefined {
  if (rules.exportDelayMs === undefined || rules.now === undefined) return undefined;
  let longest = 0;
  let lastEnd = 0n;
  for (const span of trace.spans) {
    const delay = rules.exportDelayMs(span.service);
    if (delay === undefined) return undefined;
    longest = Math.max(longest, delay);
    if (span.endTimeUnixNano > lastEnd) lastEnd = span.endTimeUnixNano;
  }
  const wait = Math.max(PROOF_FLOOR_MS, EXPORT_DELAY_FACTOR * longest);
  if (wait >= rules.quietWindowMs) return undefined;
  return Number(lastEnd / 1_000_000n) + wait - rules.now;
}
