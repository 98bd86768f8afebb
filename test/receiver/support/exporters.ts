import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

type Compression = NonNullable<NonNullable<ConstructorParameters<typeof ProtoExporter>[0]>['compression']>;

/** The exporters' own `CompressionAlgorithm.GZIP`, without importing their internal base package. */
const GZIP = 'gzip' as Compression;

export type ExporterKind = 'json' | 'proto' | 'grpc';

/** A real OTLP exporter of the given kind, pointed at `url` (`/v1/traces` URL, or gRPC endpoint). */
export function createExporter(kind: ExporterKind, url: string, gzip = false): SpanExporter {
  switch (kind) {
    case 'json':
      return new JsonExporter({ url, ...(gzip ? { compression: GZIP } : {}) });
    case 'proto':
      return new ProtoExporter({ url, ...(gzip ? { compression: GZIP } : {}) });
    case 'grpc':
      return new GrpcExporter({ url, ...(gzip ? { compression: GZIP } : {}) });
  }
}
