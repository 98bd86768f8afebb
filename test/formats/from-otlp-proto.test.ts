import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { spansFromOtlpJson } from '../../src/formats/from-otlp-json';
import { spansFromOtlpProto } from '../../src/formats/from-otlp-proto';
import { OtlpFormatError } from '../../src/formats/otlp/otlp-format-error';
import { otlpProtoTypes } from '../../src/formats/otlp/otlp-proto-types';
import { startCaptureServer, type CapturedRequest } from '../receiver/support/capture-server';
import { createExporter, type ExporterKind } from '../receiver/support/exporters';
import { expectedSpan } from '../receiver/support/expected-span';
import { exportSpans } from '../receiver/support/export-spans';
import { recordSdkTrace, type SdkTrace } from '../receiver/support/sdk-trace';

const bySpanId = <T extends { spanId: string }>(spans: readonly T[]): T[] => [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId));

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function capture(kind: ExporterKind, sdk: SdkTrace, gzip = false): Promise<CapturedRequest> {
  const server = await startCaptureServer();
  closers.push(server.close);
  const exporter = createExporter(kind, server.url, gzip);
  await exportSpans(exporter, sdk.spans);
  await exporter.shutdown();
  return server.requests[0]!;
}

describe('spansFromOtlpProto with what @opentelemetry/exporter-trace-otlp-proto sends', () => {
  it.each([false, true])('converts every field of real SDK spans, as the JSON path does (gzip: %s)', async (gzip) => {
    const sdk = recordSdkTrace({ rich: true, size: 4 });
    const sent = await capture('proto', sdk, gzip);
    expect(sent.headers['content-type']).toBe('application/x-protobuf');
    const spans = spansFromOtlpProto(gzip ? gunzipSync(sent.body) : sent.body);
    expect(bySpanId(spans)).toEqual(bySpanId(sdk.spans.map(expectedSpan)));

    const asJson = await capture('json', sdk);
    expect(bySpanId(spans)).toEqual(bySpanId(spansFromOtlpJson(asJson.body)));
  });

  it('copies bytes values out of the request body instead of keeping a view into it', async () => {
    const sent = await capture('proto', recordSdkTrace({ rich: true }));
    const digest = spansFromOtlpProto(sent.body).find((s) => s.attributes.digest)!.attributes.digest as Uint8Array;
    expect(digest).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(digest.buffer).not.toBe(sent.body.buffer);
    expect(digest.buffer.byteLength).toBe(4);
  });
});

describe('spansFromOtlpProto', () => {
  it('rejects a truncated body and bytes that are not protobuf', async () => {
    const sent = await capture('proto', recordSdkTrace({ size: 5 }));
    const truncated = sent.body.subarray(0, Math.floor(sent.body.length / 2));
    expect(() => spansFromOtlpProto(truncated)).toThrow(OtlpFormatError);
    expect(() => spansFromOtlpProto(truncated)).toThrow('Invalid OTLP trace data: not a protobuf ExportTraceServiceRequest');
    expect(() => spansFromOtlpProto(Buffer.from('{"resourceSpans":[]}'))).toThrow('not a protobuf ExportTraceServiceRequest');
  });

  it('decodes an empty body as an empty request', () => {
    expect(spansFromOtlpProto(new Uint8Array())).toEqual([]);
  });

  it('rejects spans whose ids have the wrong length, naming the path', () => {
    const { ExportTraceServiceRequest } = otlpProtoTypes();
    const bytes = ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  { traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2), name: 'ok' },
                  { traceId: Buffer.alloc(15, 1), spanId: Buffer.alloc(8, 3) },
                ],
              },
            ],
          },
        ],
      }),
    ).finish();
    expect(() => spansFromOtlpProto(bytes)).toThrow('resourceSpans[0].scopeSpans[0].spans[1].traceId: expected 16 bytes, got 15');
    const rejected: OtlpFormatError[] = [];
    expect(spansFromOtlpProto(bytes, { onInvalidSpan: (e) => rejected.push(e) }).map((s) => s.name)).toEqual(['ok']);
    expect(rejected).toHaveLength(1);
  });

  it('keeps 64-bit times exact and reads signed int64 attributes', () => {
    const { ExportTraceServiceRequest } = otlpProtoTypes();
    const bytes = ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: Buffer.alloc(16, 1),
                    spanId: Buffer.alloc(8, 2),
                    startTimeUnixNano: '18446744073709551615',
                    endTimeUnixNano: '18446744073709551615',
                    attributes: [{ key: 'n', value: { intValue: '-9000' } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    ).finish();
    const [span] = spansFromOtlpProto(bytes);
    expect(span?.startTimeUnixNano).toBe(18446744073709551615n);
    expect(span?.attributes.n).toBe(-9000);
  });

  it('encodes responses with the field numbers of the official trace_service.proto', () => {
    const { ExportTraceServiceResponse, Status } = otlpProtoTypes();
    const response = ExportTraceServiceResponse.encode(
      ExportTraceServiceResponse.fromObject({ partialSuccess: { rejectedSpans: 2, errorMessage: 'x' } }),
    ).finish();
    // partial_success = 1 (message), rejected_spans = 1 (varint), error_message = 2 (string)
    expect(Buffer.from(response).toString('hex')).toBe('0a050802120178');
    // google.rpc.Status: code = 1 (varint), message = 2 (string)
    expect(Buffer.from(Status.encode(Status.fromObject({ code: 3, message: 'x' })).finish()).toString('hex')).toBe('0803120178');
  });
});
