import type { ExportDelay } from '../backend/trace-search';
import { processGlobal } from '../util/process-global';

// Once per process, across test files and module copies: a later diagnosis uses what an earlier one learned.
const seen = processGlobal<Map<string, ExportDelay>>('exportDelaysSeen');

/** Most services remembered; the oldest entry goes first past it. */
const MAX_SERVICES = 200;

/** Remembers each service's latest export delay for the rest of the run. */
export function rememberExportDelays(delays: readonly ExportDelay[]): void {
  const map = seen.getOrSet(() => new Map());
  for (const delay of delays) {
    map.delete(delay.service);
    map.set(delay.service, delay);
    if (map.size > MAX_SERVICES) map.delete(map.keys().next().value!);
  }
}

/** The export delays seen earlier in this run, by service. */
export function exportDelaysSeen(): ReadonlyMap<string, ExportDelay> {
  return new Map(seen.get());
}

/** Forgets them all (for tests). */
export function forgetExportDelays(): void {
  seen.clear();
}
