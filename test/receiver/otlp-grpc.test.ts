import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { otlpProtoTypes } from '../../src/formats/otlp/otlp-proto-types';
import { createExporter } from './support/exporters';
import { expectedSpan } from './support/expected-span';
import { exportSpans } from './support/export-spans';
import { recordSdkTrace } from './support/sdk-trace';

const MAX_BODY = 1024 * 1024;
const EXPORT = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';
const bySpanId = <T extends { spanId: string }>(spans: readonly T[]): T[] => [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId));

let receiver: Receiver;
const logged: string[] = [];
beforeAll(async () => {
  receiver = await startReceiver({ grpcPort: 0, maxBodyBytes: MAX_BODY, logger: { warn: (m) => logged.push(m) } });
});
afterAll(() => receiver.close());

/** Sends raw bytes as an Export call, as no exporter would. */
function callExport(bytes: Buffer, options: { gzip?: boolean } = {}): Promise<Buffer> {
  const client = new Client(receiver.grpcUrl!.replace('http://', ''), credentials.createInsecure(), {
    ...(options.gzip ? { 'grpc.default_compression_algorithm': 2 } : {}),
  });
  return new Promise<Buffer>((resolve, reject) => {
    client.makeUnaryRequest(
      EXPORT,
      (b: Buffer) => b,
      (b: Buffer) => b,
      bytes,
      new Metadata(),
      (error, response) => {
        client.close();
        if (error) reject(error);
        else resolve(response!);
      },
    );
  });
}

describe('OTLP/gRPC', () => {
  it.each([false, true])('stores every field of what @opentelemetry/exporter-trace-otlp-grpc sends (gzip: %s)', async (gzip) => {
    const trace = recordSdkTrace({ rich: true, size: 4 });
    const exporter = createExporter('grpc', receiver.grpcUrl!, gzip);
    await exportSpans(exporter, trace.spans);
    await exporter.shutdown();
    expect(bySpanId(receiver.store.get(trace.traceId).spans)).toEqual(bySpanId(trace.spans.map(expectedSpan)));
  });

  it('answers bytes that are not a request with INVALID_ARGUMENT and a reason', async () => {
    const error = (await callExport(Buffer.from('not protobuf at all')).catch((e: unknown) => e)) as ServiceError;
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.details).toMatch(/^request is not a valid OTLP ExportTraceServiceRequest: not a protobuf ExportTraceServiceRequest/);
  });

  it('rejects spans with bad ids one by one, as a partial success', async () => {
    const { ExportTraceServiceRequest, ExportTraceServiceResponse } = otlpProtoTypes();
    const traceId = Buffer.from('8b8efff798038103d269b633813fc60c', 'hex');
    const request = ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  { traceId, spanId: Buffer.alloc(8, 1) },
                  { traceId: Buffer.alloc(16), spanId: Buffer.alloc(8, 2) },
                ],
              },
            ],
          },
        ],
      }),
    ).finish();
    const response = ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(await callExport(Buffer.from(request))), {
      longs: Number,
    });
    expect(response.partialSuccess).toEqual({
      rejectedSpans: 1,
      errorMessage: 'Rejected 1 of 2 spans: 1 invalid: resourceSpans[0].scopeSpans[0].spans[1].traceId: must not be all zeros.',
    });
    expect(receiver.store.get(traceId.toString('hex')).spans).toHaveLength(1);
  });

  it('answers a message over the limit, and a gzip bomb, with RESOURCE_EXHAUSTED', async () => {
    const tooLarge = (await callExport(Buffer.alloc(MAX_BODY + 1)).catch((e: unknown) => e)) as ServiceError;
    expect(tooLarge.code).toBe(status.RESOURCE_EXHAUSTED);
    const bomb = (await callExport(Buffer.alloc(64 * MAX_BODY), { gzip: true }).catch((e: unknown) => e)) as ServiceError;
    expect(bomb.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(bomb.details).toMatch(/decompresses to a size larger than 1048576/);
  });

  it('keeps serving valid exports while bad ones arrive', async () => {
    const traces = Array.from({ length: 12 }, (_, i) => recordSdkTrace({ size: 1 + (i % 4) }));
    const bad = Array.from({ length: 6 }, (_, i) =>
      callExport(i % 2 ? Buffer.from('garbage') : Buffer.alloc(16 * MAX_BODY), { gzip: i % 2 === 0 }).then(
        () => 'OK',
        (e: ServiceError) => e.code,
      ),
    );
    const good = traces.map(async (trace, i) => {
      const exporter = createExporter('grpc', receiver.grpcUrl!, i % 2 === 0);
      await exportSpans(exporter, trace.spans);
      await exporter.shutdown();
    });
    expect(await Promise.all(bad)).toEqual([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? status.INVALID_ARGUMENT : status.RESOURCE_EXHAUSTED)));
    await Promise.all(good);
    for (const trace of traces) expect(receiver.store.get(trace.traceId).spans).toHaveLength(trace.spans.length);
    expect(logged.filter((line) => line.includes('INVALID_ARGUMENT'))).toHaveLength(1);
  });
});
