/**
 * A request the receiver answers with an HTTP error. `kind` groups errors for logging, so that
 * a client repeating one mistake is logged once.
 */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
