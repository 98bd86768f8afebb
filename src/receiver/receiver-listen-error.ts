import { TraceproofError } from '../errors';

/** The receiver could not listen on a port (in use, not permitted). */
export class ReceiverListenError extends TraceproofError {
  override name = 'ReceiverListenError';
  constructor(
    readonly transport: 'OTLP/HTTP' | 'OTLP/gRPC',
    readonly host: string,
    readonly port: number,
    /** The system error code, e.g. `EADDRINUSE`. */
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    const why =
      code === 'EADDRINUSE'
        ? 'the port is in use'
        : code === 'EACCES'
          ? 'permission denied'
          : String((options.cause as Error)?.message ?? options.cause);
    super(`Could not listen for ${transport} on ${host}:${port}: ${why}.`, { ...options, scope: 'receiver' });
  }
}
