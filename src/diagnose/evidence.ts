/** What the backend saw around a missing or broken trace, and what follows from it. */
export interface Evidence {
  /** Conclusions, each naming a cause and its fix, the best-supported first. */
  readonly findings: readonly string[];
  /** What supports them: another trace's tree, what was searched, what was not checked. */
  readonly details: readonly string[];
}
