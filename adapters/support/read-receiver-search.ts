import type { ExportDelay, FoundTrace, TraceSearchAnswer } from '../../src/backend/trace-search';
import { spanFromWire } from '../../src/formats/wire-span';

/** The receiver's search answer (`GET /traceproof/v1/traces?arrivedFrom=…`) as a {@link TraceSearchAnswer}; throws naming the bad field. */
export function readReceiverSearch(json: Record<string, unknown>): TraceSearchAnswer {
  const traces = list(json.traces, 'traces').map((value, i): FoundTrace => {
    const t = record(value, `traces[${i}]`);
    return {
      traceId: text(t.traceId, `traces[${i}].traceId`),
      topSpans: list(t.topSpans, `traces[${i}].topSpans`).map((s, k) => spanFromWire(s, `traces[${i}].topSpans[${k}]`)),
      spanCount: count(t.spanCount, `traces[${i}].spanCount`),
      services: list(t.services, `traces[${i}].services`).map((s, k) => text(s, `traces[${i}].services[${k}]`)),
    };
  });
  const exportDelays = list(json.exportDelays ?? [], 'exportDelays').map((value, i): ExportDelay => {
    const d = record(value, `exportDelays[${i}]`);
    return {
      service: text(d.service, `exportDelays[${i}].service`),
      spans: count(d.spans, `exportDelays[${i}].spans`),
      medianMs: count(d.medianMs, `exportDelays[${i}].medianMs`),
      maxMs: count(d.maxMs, `exportDelays[${i}].maxMs`),
    };
  });
  return {
    scope: text(json.scope, 'scope'),
    traces,
    truncated: json.truncated === true,
    spansInWindow: json.spansInWindow === undefined ? undefined : count(json.spansInWindow, 'spansInWindow'),
    exportDelays,
    endpoints: list(json.endpoints ?? [], 'endpoints').map((s, i) => text(s, `endpoints[${i}]`)),
  };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${path} is not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${path} is not an array`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new TypeError(`${path} is not a string`);
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`${path} is not a number of at least 0`);
  return value;
}
