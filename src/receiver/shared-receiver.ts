import { TraceproofError } from '../errors';
import { processGlobal } from '../util/process-global';
import { ReceiverListenError } from './receiver-listen-error';
import type { ReceiverOptions } from './receiver-options';
import { startReceiver, type Receiver } from './start-receiver';

/** Options of {@link startSharedReceiver}; ports default to the environment, then OTLP's own. */
export interface SharedReceiverOptions extends Omit<ReceiverOptions, 'httpPort' | 'grpcPort'> {
  /**
   * Port of OTLP/HTTP and the query API; 0 picks a free one.
   * @default TRACEPROOF_OTLP_PORT, else 4318
   */
  otlpPort?: number;
  /**
   * Port of OTLP/gRPC; 0 picks a free one, `false` serves no gRPC.
   * @default TRACEPROOF_GRPC_PORT (`off` for none), else 4317
   */
  grpcPort?: number | false;
  /** Where the receiver's URLs are published, and the ports read from. @default process.env */
  env?: NodeJS.ProcessEnv;
}

export interface SharedReceiver {
  readonly receiver: Receiver;
  /** Stops the receiver once every start has been stopped, and unpublishes what it set. */
  stop(): Promise<void>;
}

interface Running {
  readonly receiver: Receiver;
  readonly restoreEnv: () => void;
  users: number;
}

// One per process, even when several copies of this module are loaded (e.g. two Vitest projects).
const running = processGlobal<Promise<Running>>('sharedReceiver');

const DEFAULT_OTLP_PORT = 4318;
const DEFAULT_GRPC_PORT = 4317;
const DISABLED = new Set(['off', 'false', 'none', 'disabled']);

/**
 * Starts the receiver that a whole test run shares and publishes it to the environment, which
 * test workers and the services the tests start inherit: `TRACEPROOF_RECEIVER_URL` (query API)
 * and, unless the user set it, `OTEL_EXPORTER_OTLP_ENDPOINT` (gRPC when
 * `OTEL_EXPORTER_OTLP_PROTOCOL=grpc`, else OTLP/HTTP). A second start in the same process
 * shares the first receiver.
 * @example const { stop } = await startSharedReceiver(); … await stop();
 */
export async function startSharedReceiver(options: SharedReceiverOptions = {}): Promise<SharedReceiver> {
  const started = await running.getOrSet(() =>
    start(options).catch((error: unknown) => {
      running.clear();
      throw error;
    }),
  );
  started.users++;
  let stopped = false;
  return {
    receiver: started.receiver,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (--started.users > 0) return;
      running.clear();
      started.restoreEnv();
      await started.receiver.close();
    },
  };
}

async function start(options: SharedReceiverOptions): Promise<Running> {
  const env = options.env ?? process.env;
  const { otlpPort, grpcPort, env: _env, ...receiverOptions } = options;
  const httpPort = otlpPort ?? portFromEnv(env, 'TRACEPROOF_OTLP_PORT') ?? DEFAULT_OTLP_PORT;
  const grpc = grpcPort ?? portFromEnv(env, 'TRACEPROOF_GRPC_PORT') ?? DEFAULT_GRPC_PORT;
  let receiver: Receiver;
  try {
    receiver = await startReceiver({ ...receiverOptions, httpPort, ...(grpc === false ? {} : { grpcPort: grpc }) });
  } catch (error) {
    if (error instanceof ReceiverListenError && error.code === 'EADDRINUSE') {
      const variable = error.transport === 'OTLP/gRPC' ? 'TRACEPROOF_GRPC_PORT' : 'TRACEPROOF_OTLP_PORT';
      const off = error.transport === 'OTLP/gRPC' ? ', or to off to serve no gRPC' : '';
      throw new TraceproofError(
        `Port ${error.port} on ${error.host} is in use, so the traceproof receiver cannot take ${error.transport} there (is an OpenTelemetry Collector or another test run listening?). Set ${variable} to a free port, or to 0 for any free port${off}.`,
        { cause: error, scope: 'receiver' },
      );
    }
    throw error;
  }
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? '').trim().toLowerCase();
  const published: Record<string, string> = { TRACEPROOF_RECEIVER_URL: receiver.queryUrl };
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT === undefined || env.OTEL_EXPORTER_OTLP_ENDPOINT === '') {
    published.OTEL_EXPORTER_OTLP_ENDPOINT = protocol === 'grpc' && receiver.grpcUrl ? receiver.grpcUrl : receiver.otlpHttpUrl;
  }
  const previous = Object.fromEntries(Object.keys(published).map((key) => [key, env[key]]));
  Object.assign(env, published);
  const restoreEnv = (): void => {
    for (const [key, value] of Object.entries(previous)) {
      if (env[key] !== published[key]) continue; // changed since by someone else: theirs now
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
  };
  return { receiver, restoreEnv, users: 0 };
}

function portFromEnv(env: NodeJS.ProcessEnv, name: 'TRACEPROOF_OTLP_PORT'): number | undefined;
function portFromEnv(env: NodeJS.ProcessEnv, name: 'TRACEPROOF_GRPC_PORT'): number | false | undefined;
function portFromEnv(env: NodeJS.ProcessEnv, name: string): number | false | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (name === 'TRACEPROOF_GRPC_PORT' && DISABLED.has(raw.toLowerCase())) return false;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    const off = name === 'TRACEPROOF_GRPC_PORT' ? ', or off' : '';
    throw new TraceproofError(`${name} must be a port number from 0 to 65535 (0 for any free port${off}), got ${JSON.stringify(raw)}.`, {
      scope: 'receiver',
    });
  }
  return port;
}
