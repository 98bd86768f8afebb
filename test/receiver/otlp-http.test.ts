import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { otlpProtoTypes } from '../../src/formats/otlp/otlp-proto-types';
import { createExporter, type ExporterKind } from './support/exporters';
import { expectedSpan } from './support/expected-span';
import { exportSpans } from './support/export-spans';
import { json, send, type Answer } from './support/http';
import { recordSdkTrace, type SdkTrace } from './support/sdk-trace';

const MAX_BODY = 1024 * 1024;
const bySpanId = <T extends { spanId: string }>(spans: readonly T[]): T[] => [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId));

let receiver: Receiver;
const logged: string[] = [];
beforeAll(async () => {
  receiver = await startReceiver({ maxBodyBytes: MAX_BODY, maxSpansPerTrace: 50, logger: { warn: (m) => logged.push(m) } });
});
afterAll(() => receiver.close());

const TRACE = '5b8efff798038103d269b633813fc60c';
const spanJson = (spanId: string, traceId = TRACE): object => ({
  traceId,
  spanId,
  name: `op ${spanId}`,
  startTimeUnixNano: '1',
  endTimeUnixNano: '2',
});
const jsonBody = (spans: object[]): string => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
const post = (body: Buffer | string, headers: Record<string, string>, path = '/v1/traces'): Promise<Answer> =>
  send(`${receiver.otlpHttpUrl}${path}`, { body, headers });
const decodeStatus = (answer: Answer): { code?: number; message?: string } => {
  const { Status } = otlpProtoTypes();
  return Status.toObject(Status.decode(answer.body)) as { code?: number; message?: string };
};

async function exportTrace(kind: ExporterKind, gzip: boolean, trace: SdkTrace): Promise<void> {
  const exporter = createExporter(kind, receiver.otlpTracesUrl, gzip);
  try {
    await exportSpans(exporter, trace.spans);
  } finally {
    await exporter.shutdown();
  }
}

describe('OTLP/HTTP from real exporters', () => {
  it.each([
    ['proto', false],
    ['proto', true],
    ['json', false],
    ['json', true],
  ] as const)('stores every field of what %s (gzip: %s) sends', async (kind, gzip) => {
    const trace = recordSdkTrace({ rich: true, size: 4 });
    await exportTrace(kind, gzip, trace);
    expect(bySpanId(receiver.store.get(trace.traceId).spans)).toEqual(bySpanId(trace.spans.map(expectedSpan)));
  });
});

describe('OTLP/HTTP answers', () => {
  it('answers success in the encoding of the request', async () => {
    const asJson = await post(jsonBody([spanJson('1000000000000001')]), { 'content-type': 'application/json; charset=utf-8' });
    expect(asJson.status).toBe(200);
    expect(asJson.headers['content-type']).toBe('application/json');
    expect(json(asJson)).toEqual({});

    const { ExportTraceServiceRequest, ExportTraceServiceResponse } = otlpProtoTypes();
    const bytes = ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject({
        resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: Buffer.from(TRACE, 'hex'), spanId: Buffer.alloc(8, 7) }] }] }],
      }),
    ).finish();
    const asProto = await post(Buffer.from(bytes), { 'content-type': 'application/x-protobuf' });
    expect(asProto.status).toBe(200);
    expect(asProto.headers['content-type']).toBe('application/x-protobuf');
    expect(ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(asProto.body))).toEqual({});
  });

  it('rejects spans with bad ids one by one, as a partial success naming them', async () => {
    const traceId = '6b8efff798038103d269b633813fc60c';
    const answer = await post(
      jsonBody([spanJson('2000000000000001', traceId), spanJson('xyz', traceId), spanJson('2000000000000002', traceId)]),
      {
        'content-type': 'application/json',
      },
    );
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({
      partialSuccess: {
        rejectedSpans: '1',
        errorMessage:
          'Rejected 1 of 3 spans: 1 invalid: resourceSpans[0].scopeSpans[0].spans[1].spanId: expected 16 hex characters or base64 of 8 bytes, got "xyz".',
      },
    });
    expect(receiver.store.get(traceId).spans.map((s) => s.spanId)).toEqual(['2000000000000001', '2000000000000002']);
  });

  it('answers a partial success in protobuf for a protobuf request over the per-trace cap', async () => {
    const traceId = Buffer.from('7b8efff798038103d269b633813fc60c', 'hex');
    const { ExportTraceServiceRequest, ExportTraceServiceResponse } = otlpProtoTypes();
    const spans = Array.from({ length: 60 }, (_, i) => ({ traceId, spanId: Buffer.from(String(i + 1).padStart(16, '0'), 'hex') }));
    const bytes = ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject({ resourceSpans: [{ scopeSpans: [{ spans }] }] }),
    ).finish();
    const answer = await post(Buffer.from(bytes), { 'content-type': 'application/x-protobuf' });
    expect(answer.status).toBe(200);
    const response = ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(answer.body), { longs: Number });
    expect(response.partialSuccess).toEqual({
      rejectedSpans: 10,
      errorMessage:
        'Rejected 10 of 60 spans: 10 over the limit of 50 spans per trace (maxSpansPerTrace) in trace 7b8efff798038103d269b633813fc60c.',
    });
    expect(receiver.store.get(traceId.toString('hex')).spans).toHaveLength(50);
  });

  it.each([
    [
      'malformed JSON',
      '{"resourceSpans": [',
      { 'content-type': 'application/json' },
      400,
      /not a valid OTLP JSON ExportTraceServiceRequest: not valid JSON/,
    ],
    [
      'JSON of the wrong shape',
      '{"resourceSpans": {"a": 1}}',
      { 'content-type': 'application/json' },
      400,
      /resourceSpans: expected an array/,
    ],
    [
      'text as protobuf',
      'hello, world',
      { 'content-type': 'application/x-protobuf' },
      400,
      /not a valid OTLP protobuf ExportTraceServiceRequest: not a protobuf/,
    ],
    [
      'plain text',
      'hello',
      { 'content-type': 'text/plain' },
      415,
      /Content-Type "text\/plain" is not supported; send application\/x-protobuf or application\/json/,
    ],
    ['no content type', 'hello', {}, 415, /Content-Type "" is not supported/],
    ['brotli', 'hello', { 'content-type': 'application/json', 'content-encoding': 'br' }, 415, /Content-Encoding "br" is not supported/],
    ['gzip that is not', '{}', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 400, /not valid gzip data/],
    ['too large', Buffer.alloc(MAX_BODY + 1, 32), { 'content-type': 'application/json' }, 413, /larger than the limit of 1048576 bytes/],
    [
      'a gzip bomb',
      gzipSync(Buffer.alloc(64 * MAX_BODY, 32)),
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      413,
      /inflates to more than the limit/,
    ],
  ])(
    'answers %s with a status and a reason in a google.rpc.Status',
    async (_name, body, headers: Record<string, string>, status, message) => {
      const answer = await post(body, headers);
      expect(answer.status).toBe(status);
      const rpcStatus = headers['content-type'] === 'application/x-protobuf' ? decodeStatus(answer) : (json(answer) as { message: string });
      expect(rpcStatus.message).toMatch(message);
    },
  );

  it('answers a truncated protobuf body with 400', async () => {
    const trace = recordSdkTrace({ size: 5 });
    const { ExportTraceServiceRequest } = otlpProtoTypes();
    const full = ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: trace.spans.map((s) => ({
                  traceId: Buffer.from(trace.traceId, 'hex'),
                  spanId: Buffer.from(s.spanContext().spanId, 'hex'),
                  name: s.name,
                })),
              },
            ],
          },
        ],
      }),
    ).finish();
    const answer = await post(Buffer.from(full.subarray(0, full.length - 7)), { 'content-type': 'application/x-protobuf' });
    expect(answer.status).toBe(400);
    expect(decodeStatus(answer)).toMatchObject({ code: 3, message: expect.stringMatching(/not a protobuf ExportTraceServiceRequest/) });
    expect(receiver.store.get(trace.traceId).spans).toEqual([]);
  });

  it('answers a wrong method with 405 and Allow, and other paths with 404', async () => {
    const get = await send(`${receiver.otlpTracesUrl}`);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await post('{}', { 'content-type': 'application/json' }, '/v1/metrics')).status).toBe(404);
    expect((await send(`${receiver.otlpHttpUrl}/`)).status).toBe(404);
  });
});

describe('bad requests while valid traffic runs', () => {
  it('answers each bad request and loses no valid span', async () => {
    const kinds: [ExporterKind, boolean][] = [
      ['proto', false],
      ['proto', true],
      ['json', false],
      ['json', true],
    ];
    const traces = Array.from({ length: 24 }, (_, i) => ({
      trace: recordSdkTrace({ size: 2 + (i % 5), service: `svc-${i}` }),
      kind: kinds[i % 4]!,
    }));
    const bad: [Promise<Answer>, number][] = [];
    for (let round = 0; round < 3; round++) {
      bad.push(
        [post('{"resourceSpans": [', { 'content-type': 'application/json' }), 400],
        [post('garbage', { 'content-type': 'application/x-protobuf' }), 400],
        [post('x', { 'content-type': 'text/plain' }), 415],
        [post(Buffer.alloc(MAX_BODY + 10), { 'content-type': 'application/x-protobuf' }), 413],
        [post(gzipSync(Buffer.alloc(32 * MAX_BODY)), { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' }), 413],
        [send(receiver.otlpTracesUrl, { method: 'PUT', body: '{}' }), 405],
      );
    }
    const good = traces.map(({ trace, kind: [kind, gzip] }) => exportTrace(kind, gzip, trace));
    const answers = await Promise.all(bad.map(([answer]) => answer));
    await Promise.all(good);

    expect(answers.map((a) => a.status)).toEqual(bad.map(([, status]) => status));
    for (const { trace } of traces) {
      const stored = receiver.store.get(trace.traceId).spans;
      expect(stored).toHaveLength(trace.spans.length);
      expect(new Set(stored.map((s) => s.spanId))).toEqual(new Set(trace.spans.map((s) => s.spanContext().spanId)));
    }
    expect((await send(`${receiver.queryUrl}/health`)).status).toBe(200);
  });

  it('logged each kind of rejection once, however often it happened', () => {
    expect(new Set(logged).size).toBe(logged.length);
    expect(logged.filter((line) => line.includes('not valid JSON'))).toHaveLength(1);
    expect(logged.filter((line) => line.includes('Answered 413'))).toHaveLength(1);
    expect(logged.filter((line) => line.includes('Content-Type "text/plain"'))).toHaveLength(1);
    expect(logged.filter((line) => line.includes('Answered 405'))).toHaveLength(0);
    expect(logged.every((line) => line.startsWith('[traceproof] [receiver] '))).toBe(true);
  });
});

describe('eviction', () => {
  it('drops the traces updated longest ago once the total cap is passed, and says so once', async () => {
    const warnings: string[] = [];
    const small = await startReceiver({ maxSpans: 10, maxSpansPerTrace: 5, logger: { warn: (m) => warnings.push(m) } });
    try {
      const exporter = createExporter('proto', small.otlpTracesUrl);
      const traces = Array.from({ length: 5 }, () => recordSdkTrace({ size: 3 }));
      for (const trace of traces) await exportSpans(exporter, trace.spans);
      await exporter.shutdown();
      const counts = await Promise.all(
        traces.map(async (t) => (json(await send(`${small.queryUrl}/traces/${t.traceId}`)) as { spans: unknown[] }).spans.length),
      );
      expect(counts).toEqual([0, 0, 3, 3, 3]);
      expect(small.store.spanCount).toBe(9);
      expect(warnings).toEqual([
        '[traceproof] [receiver] Dropped the traces updated longest ago to stay under 10 spans (maxSpans). (Logged once; later occurrences are not.)',
      ]);
    } finally {
      await small.close();
    }
  });
});
