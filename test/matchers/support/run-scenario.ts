import { failureMessage } from '../../helpers/failure-message';
import { pendingTrace } from '../../helpers/pending-from-spans';
import type { RunnerExpect } from './runner-expect';
import type { PendingScenario, ScenarioOutcome, TraceScenario } from './trace-scenario';

/** Runs one shared scenario with the runner's `expect`, and checks its outcome. */
export async function runScenario(expect: RunnerExpect, scenario: TraceScenario | PendingScenario): Promise<void> {
  if ('trace' in scenario) return checkOutcome(expect, scenario, () => scenario.assert(expect, scenario.trace));
  const { of, batches, timeoutMs, quietWindowMs } = scenario.arriving;
  const { pending, deliver, close } = pendingTrace(of, { timeoutMs, quietWindowMs });
  try {
    for (const [afterMs, spans] of batches) deliver(spans, afterMs);
    await checkOutcome(expect, scenario, () => scenario.assert(expect, pending));
  } finally {
    await close();
  }
}

async function checkOutcome(expect: RunnerExpect, outcome: ScenarioOutcome, assert: () => unknown): Promise<void> {
  if ('pass' in outcome) {
    await assert();
    return;
  }
  const message = await failureMessage(assert);
  if (typeof outcome.fail === 'string') {
    expect(message).toBe(outcome.fail);
    return;
  }
  for (const part of outcome.fail) {
    if (typeof part === 'string') expect(message).toContain(part);
    else expect(message).toMatch(part);
  }
  for (const absent of outcome.omits ?? []) expect(message).not.toContain(absent);
}
