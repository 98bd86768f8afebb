import { TraceproofError } from '../errors';

/** One trace assertion over a pending trace: where it was made, and whether its verdict is in. */
export interface LedgerEntry {
  readonly matcher: string;
  /** `file:line:column` of the call in the test, when the stack shows it. */
  readonly site: string | undefined;
  done: boolean;
  /** The test ended first: the assertion was not awaited, and its late verdict must stay silent. */
  abandoned: boolean;
}

/**
 * The trace assertions of one test. A runner asks it, when the test function has returned,
 * which are still waiting: those were not awaited, and would otherwise pass silently or fail
 * after the test, away from it.
 */
export class AssertionLedger {
  readonly #entries = new Set<LedgerEntry>();

  record(matcher: string, site: string | undefined): LedgerEntry {
    const entry: LedgerEntry = { matcher, site, done: false, abandoned: false };
    this.#entries.add(entry);
    return entry;
  }

  settle(entry: LedgerEntry): void {
    entry.done = true;
    this.#entries.delete(entry);
  }

  /** Marks the assertions still waiting as abandoned and returns them. */
  abandonWaiting(): LedgerEntry[] {
    const waiting = [...this.#entries];
    for (const entry of waiting) entry.abandoned = true;
    this.#entries.clear();
    return waiting;
  }
}

/** The error that fails a test whose trace assertions were not awaited. */
export function unawaitedAssertionsError(entries: readonly LedgerEntry[]): TraceproofError {
  const lines = entries.map((e) => `  - ${e.matcher}${e.site ? ` at ${e.site}` : ''}`);
  return new TraceproofError(
    [
      `${entries.length === 1 ? 'A trace assertion was' : `${entries.length} trace assertions were`} not awaited: the test ended before the trace was checked, so ${entries.length === 1 ? 'it' : 'they'} could neither pass nor fail.`,
      ...lines,
      `Write \`await expect(res.trace).${entries[0]?.matcher ?? 'toHaveSpan'}(…)\`. To catch this when you type it, enable @typescript-eslint/no-floating-promises.`,
    ].join('\n'),
  );
}

const INTERNAL_FRAME = /node_modules|node:internal|\(node:|^\s*at (?:new )?Promise|<anonymous>/;

/**
 * The first stack frame of the caller's own code: outside node_modules and outside the
 * directory tree traceproof itself runs from (`ownFile`'s package: dist/, src/, matchers/…).
 */
export function callSite(stack: string | undefined, ownRoots: readonly string[]): string | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    if (INTERNAL_FRAME.test(line)) continue;
    const location = /\(?((?:file:\/\/)?\/[^()]+?:\d+:\d+)\)?\s*$/.exec(line)?.[1];
    if (!location) continue;
    const path = location.replace(/^file:\/\//, '');
    if (ownRoots.some((root) => path.startsWith(root))) continue;
    return path;
  }
  return undefined;
}
