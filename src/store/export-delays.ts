import type { ExportDelay } from '../backend/trace-search';

/** Median and maximum of each service's delays (whole milliseconds), the slowest service first. */
export function exportDelays(byService: ReadonlyMap<string, number[]>): ExportDelay[] {
  const delays: ExportDelay[] = [];
  for (const [service, values] of byService) {
    if (values.length === 0) continue;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    delays.push({ service, spans: sorted.length, medianMs: Math.round(median), maxMs: Math.round(sorted[sorted.length - 1]!) });
  }
  return delays.sort((a, b) => b.medianMs - a.medianMs || a.service.localeCompare(b.service));
}
