import protobuf from 'protobufjs';
import { OTLP_PROTO_FILES } from './otlp-proto-files';

export interface OtlpProtoTypes {
  readonly ExportTraceServiceRequest: protobuf.Type;
  readonly ExportTraceServiceResponse: protobuf.Type;
  /** `google.rpc.Status`, the body of OTLP/HTTP error responses. */
  readonly Status: protobuf.Type;
}

let types: OtlpProtoTypes | undefined;

/** The protobuf message types of the OTLP trace protocol, parsed once on first use. */
export function otlpProtoTypes(): OtlpProtoTypes {
  if (!types) {
    const root = new protobuf.Root();
    for (const source of Object.values(OTLP_PROTO_FILES)) protobuf.parse(source, root);
    root.resolveAll();
    types = Object.freeze({
      ExportTraceServiceRequest: root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest'),
      ExportTraceServiceResponse: root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse'),
      Status: root.lookupType('google.rpc.Status'),
    });
  }
  return types;
}
