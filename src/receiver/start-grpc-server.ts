import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServiceDefinition } from '@grpc/grpc-js';
import { spansFromOtlpProto } from '../formats/from-otlp-proto';
import { OtlpFormatError } from '../formats/otlp/otlp-format-error';
import { otlpProtoTypes } from '../formats/otlp/otlp-proto-types';
import { exportResponseBody } from './otlp-response-body';
import type { ReceiverContext } from './receiver-context';
import { ReceiverListenError } from './receiver-listen-error';
import { storeExport, type ExportOutcome } from './store-export';

export interface GrpcServerHandle {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves OTLP/gRPC `TraceService/Export`. The request stays bytes until the handler decodes it,
 * so a bad message is answered INVALID_ARGUMENT with a reason. grpc-js enforces the size limit,
 * after decompression too, with RESOURCE_EXHAUSTED.
 */
export async function startGrpcServer(host: string, port: number, context: ReceiverContext): Promise<GrpcServerHandle> {
  const server = new Server({
    'grpc.max_receive_message_length': context.maxBodyBytes,
  });
  server.addService(traceService(), {
    Export: (call: ServerUnaryCall<Buffer, ExportOutcome>, callback: sendUnaryData<ExportOutcome>) => exportTraces(call, callback, context),
  });
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, boundPort) => {
      if (error) {
        const code = /EADDRINUSE|address already in use/i.test(error.message) ? 'EADDRINUSE' : (error as { code?: string }).code;
        reject(new ReceiverListenError('OTLP/gRPC', host, port, code, { cause: error }));
      } else {
        resolve(boundPort);
      }
    });
  });
  return {
    port: bound,
    close: async () => server.forceShutdown(),
  };
}

function exportTraces(
  call: ServerUnaryCall<Buffer, ExportOutcome>,
  callback: sendUnaryData<ExportOutcome>,
  context: ReceiverContext,
): void {
  try {
    callback(
      null,
      storeExport(context.store, (options) => spansFromOtlpProto(call.request, options), context.logOnce),
    );
  } catch (error) {
    if (error instanceof OtlpFormatError) {
      const details = `request is not a valid OTLP ExportTraceServiceRequest: ${error.detail}`;
      context.logOnce(
        error.path ? 'grpc-invalid-otlp' : 'grpc-undecodable',
        `Answered INVALID_ARGUMENT to TraceService/Export: ${details}.`,
      );
      callback({ code: status.INVALID_ARGUMENT, details });
    } else {
      const details = `the receiver failed: ${error instanceof Error ? error.message : String(error)}`;
      context.logOnce('grpc-internal', `Answered INTERNAL to TraceService/Export: ${details}.`);
      callback({ code: status.INTERNAL, details });
    }
  }
}

function traceService(): ServiceDefinition {
  const { ExportTraceServiceResponse } = otlpProtoTypes();
  return {
    Export: {
      path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
      originalName: 'export',
      requestStream: false,
      responseStream: false,
      requestDeserialize: (bytes: Buffer) => bytes,
      requestSerialize: (bytes: Buffer) => bytes,
      responseSerialize: (outcome: ExportOutcome) => exportResponseBody(outcome, 'protobuf'),
      responseDeserialize: (bytes: Buffer) => ExportTraceServiceResponse.decode(bytes),
    },
  };
}
