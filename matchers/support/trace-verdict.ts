/**
 * What a matcher concludes from one snapshot. `final` means more spans cannot change the
 * verdict, so waiting can stop; otherwise the verdict is kept only once the trace settles.
 */
export interface TraceVerdict {
  readonly pass: boolean;
  readonly final: boolean;
}
