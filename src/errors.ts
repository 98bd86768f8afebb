export interface TraceproofErrorOptions {
  cause?: unknown;
  /** The part of traceproof that speaks, as a second tag: `receiver` gives `[traceproof] [receiver] …`. */
  scope?: string | undefined;
}

/** Base class of every error traceproof throws; messages start with `[traceproof]`, then the scope's tag. */
export class TraceproofError extends Error {
  override name = 'TraceproofError';
  constructor(message: string, options: TraceproofErrorOptions = {}) {
    const { scope, ...errorOptions } = options;
    super(`[traceproof] ${scope ? `[${scope}] ` : ''}${message}`, 'cause' in errorOptions ? errorOptions : undefined);
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
    super(message, { ...options, scope: backend });
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
    super(`Invalid span selector at column ${column}: expected ${expected}.\n  ${selector}\n  ${' '.repeat(Math.max(0, column - 1))}^`);
  }
}
