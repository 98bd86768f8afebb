import type { Trace } from '../../../src/trace/trace';
import type { PendingTrace } from '../../../src/wait/pending-trace';
import type { Arrival } from './arrival';
import type { RunnerExpect } from './runner-expect';

/**
 * What a scenario's assertion must do: pass, or fail with this whole message (colours stripped),
 * or fail with a message that contains each string, matches each RegExp, and contains none of `omits`.
 */
export type ScenarioOutcome =
  | { readonly pass: true }
  | { readonly fail: string | readonly (string | RegExp)[]; readonly omits?: readonly string[] };

/** One assertion over a Trace that both runners' matcher suites make, and what it must do. */
export type TraceScenario = {
  readonly title: string;
  readonly trace: Trace;
  assert(expect: RunnerExpect, trace: Trace): unknown;
} & ScenarioOutcome;

/** One assertion over a pending trace whose spans arrive as `arriving` says, and what it must do. */
export type PendingScenario = {
  readonly title: string;
  readonly arriving: Arrival;
  assert(expect: RunnerExpect, pending: PendingTrace): unknown;
} & ScenarioOutcome;

/** A matcher's scenarios, run by `test/matchers/<matcher>.test.ts` and `test/runners/jest/<matcher>.test.ts`. */
export interface ScenarioTable {
  readonly overTrace: readonly TraceScenario[];
  readonly overPending: readonly PendingScenario[];
}
