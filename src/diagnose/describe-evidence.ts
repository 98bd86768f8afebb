import type { Evidence } from './evidence';

/**
 * Evidence as message lines: the findings as a list, then what supports them, indented.
 * @example describeEvidence(evidence).join('\n')
 * // What the backend saw:
 * //   - service orders received your request but started a new trace 5e1c…: …
 * //   Searched spans that arrived at the receiver from 16:01:02.120 to 16:01:06.130.
 */
export function describeEvidence(evidence: Evidence): string[] {
  return ['What the backend saw:', ...evidence.findings.map((f) => `  - ${f}`), ...evidence.details.map((d) => `  ${d}`)];
}
