import type { Span } from '../trace/span';
import { processGlobal } from '../util/process-global';
import { serverAddress } from './peer-address';

/**
 * What this test run has seen of its services so far, across traces: the address each
 * service's server spans answered at, and how long each service takes to export a span
 * after it ended. Both turn a quiet window's guess into evidence.
 */
export interface RunObservations {
  /** `host:port` → the service whose server spans answered there. */
  readonly servers: Map<string, string>;
  /** Service → the longest time seen from a span's end to traceproof seeing it, in ms. */
  readonly exportDelayMs: Map<string, number>;
}

const observations = processGlobal<RunObservations>('run-observations');

export function runObservations(): RunObservations {
  return observations.getOrSet(() => ({ servers: new Map(), exportDelayMs: new Map() }));
}

/** Learns from spans first seen at `seenAt` (epoch ms). */
export function observeSpans(spans: Iterable<Span>, seenAt: number, into: RunObservations = runObservations()): void {
  for (const span of spans) {
    if (span.kind === 'server') {
      const address = serverAddress(span);
      if (address !== undefined) into.servers.set(address, span.service);
    }
    const delay = Math.max(0, seenAt - Number(span.endTimeUnixNano / 1_000_000n));
    if (delay < 60_000 && delay > (into.exportDelayMs.get(span.service) ?? -1)) into.exportDelayMs.set(span.service, delay);
  }
}
