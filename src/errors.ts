/** Base class of every error traceproof throws; messages start with `[traceproof]`. */
export class TraceproofError extends Error {
  override name = 'TraceproofError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(`[traceproof] ${message}`, options);
  }
}

/** A backend could not be asked, or answered with something that is not a trace. */
export class BackendError extends TraceproofError {
  override name = 'BackendError';
  constructor(
    readonly backend: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[${backend}] ${message}`, options);
  }
}

/** A selector string that does not parse. */
export class SelectorSyntaxError extends TraceproofError {
  override name = 'SelectorSyntaxError';
  constructor(
    readonly selector: string,
    readonly column: number,
    expected: string,
  ) {
    super(
      `Invalid span selector at column ${column}: expected ${expected}.\n  ${selector}\n  ${' '.repeat(Math.max(0, column - 1))}^`,
    );
  }
}
