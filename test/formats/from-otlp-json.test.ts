import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { spansFromOtlpJson } from '../../src/formats/from-otlp-json';
import { OtlpFormatError } from '../../src/formats/otlp/otlp-format-error';
import { startCaptureServer } from '../receiver/support/capture-server';
import { createExporter } from '../receiver/support/exporters';
import { expectedSpan } from '../receiver/support/expected-span';
import { exportSpans } from '../receiver/support/export-spans';
import { recordSdkTrace } from '../receiver/support/sdk-trace';

const bySpanId = <T extends { spanId: string }>(spans: readonly T[]): T[] => [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId));

const TRACE_HEX = '5b8efff798038103d269b633813fc60c';
const TRACE_B64 = Buffer.from(TRACE_HEX, 'hex').toString('base64');
const SPAN_HEX = 'eee19b7ec3c1b174';
const SPAN_B64 = Buffer.from(SPAN_HEX, 'hex').toString('base64');

function request(span: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }] },
        scopeSpans: [{ scope: { name: 'lib', version: '2.0.0' }, spans: [{ traceId: TRACE_HEX, spanId: SPAN_HEX, name: 'op', ...span }] }],
        ...extra,
      },
    ],
  };
}

describe('spansFromOtlpJson with what @opentelemetry/exporter-trace-otlp-http sends', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it.each([false, true])('converts every field of real SDK spans (gzip: %s)', async (gzip) => {
    const capture = await startCaptureServer();
    close = capture.close;
    const sdk = recordSdkTrace({ rich: true, size: 3 });
    const exporter = createExporter('json', capture.url, gzip);
    await exportSpans(exporter, sdk.spans);
    await exporter.shutdown();

    const [sent] = capture.requests;
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['content-encoding']).toBe(gzip ? 'gzip' : undefined);
    const body = JSON.parse((gzip ? gunzipSync(sent!.body) : sent!.body).toString('utf8'));
    expect(body.resourceSpans[0].scopeSpans[0].spans[0].traceId).toBe(sdk.traceId); // hex, as OTLP/JSON says

    const spans = spansFromOtlpJson(body);
    expect(bySpanId(spans)).toEqual(bySpanId(sdk.spans.map(expectedSpan)));
    const root = spans.find((s) => s.parentSpanId === undefined)!;
    expect(root.attributes.digest).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(root.attributes.owner).toEqual({ name: 'ada', id: 7 });
    expect(root.service).toBe('checkout');
    expect(spans.find((s) => s.status.code === 'error')?.status.message).toBe('upstream timed out');
  });
});

describe('spansFromOtlpJson', () => {
  it('reads hex ids, and base64 ids as Tempo and the plain protobuf JSON mapping write them', () => {
    const [hex] = spansFromOtlpJson(request({ traceId: TRACE_HEX.toUpperCase(), spanId: SPAN_HEX }));
    const [b64] = spansFromOtlpJson(
      request({ traceId: TRACE_B64, spanId: SPAN_B64, parentSpanId: Buffer.from('0102030405060708', 'hex').toString('base64') }),
    );
    expect(hex).toMatchObject({ traceId: TRACE_HEX, spanId: SPAN_HEX });
    expect(b64).toMatchObject({ traceId: TRACE_HEX, spanId: SPAN_HEX, parentSpanId: '0102030405060708' });
    const unpadded = spansFromOtlpJson(request({ traceId: TRACE_B64.replace(/=+$/, ''), spanId: SPAN_B64.replace(/=+$/, '') }));
    expect(unpadded[0]).toMatchObject({ traceId: TRACE_HEX, spanId: SPAN_HEX });
  });

  it('reads enum names, times as numbers or strings, and every AnyValue kind', () => {
    const [span] = spansFromOtlpJson(
      request({
        kind: 'SPAN_KIND_CONSUMER',
        status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
        startTimeUnixNano: 1_700_000_000_000_000_000,
        endTimeUnixNano: '1700000000250000000',
        attributes: [
          { key: 's', value: { stringValue: 'x' } },
          { key: 'b', value: { boolValue: true } },
          { key: 'i', value: { intValue: '-42' } },
          { key: 'n', value: { intValue: 42 } },
          { key: 'd', value: { doubleValue: 1.5 } },
          { key: 'nan', value: { doubleValue: 'NaN' } },
          { key: 'inf', value: { doubleValue: '-Infinity' } },
          { key: 'bytes', value: { bytesValue: Buffer.from([1, 2, 3]).toString('base64') } },
          { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }, {}, { arrayValue: {} }] } } },
          {
            key: 'map',
            value: {
              kvlistValue: { values: [{ key: 'k', value: { kvlistValue: { values: [{ key: 'deep', value: { boolValue: false } }] } } }] },
            },
          },
          { key: 'empty', value: {} },
          { key: 'absent' },
          { key: '__proto__', value: { stringValue: 'own key' } },
        ],
        events: [{ name: 'e', timeUnixNano: '1700000000100000000', attributes: [{ key: 'k', value: { intValue: 1 } }] }],
        links: [{ traceId: TRACE_B64, spanId: SPAN_HEX }],
      }),
    );
    expect(span).toMatchObject({
      kind: 'consumer',
      status: { code: 'error', message: 'boom' },
      service: 'cart',
      scope: { name: 'lib', version: '2.0.0' },
      startTimeUnixNano: 1_700_000_000_000_000_000n,
      endTimeUnixNano: 1_700_000_000_250_000_000n,
      durationMs: 250,
      events: [{ name: 'e', timeUnixNano: 1_700_000_000_100_000_000n, attributes: { k: 1 } }],
      links: [{ traceId: TRACE_HEX, spanId: SPAN_HEX, attributes: {} }],
    });
    expect(span!.attributes).toEqual({
      s: 'x',
      b: true,
      i: -42,
      n: 42,
      d: 1.5,
      nan: NaN,
      inf: -Infinity,
      bytes: new Uint8Array([1, 2, 3]),
      arr: ['a', 1, null, []],
      map: { k: { deep: false } },
      empty: null,
      absent: null,
      ['__proto__']: 'own key',
    });
    expect(Object.getPrototypeOf(span!.attributes)).toBe(Object.prototype);
    expect(span!.attributes.bytes).toBeInstanceOf(Uint8Array);
  });

  it('reads the instrumentationLibrarySpans of exporters older than OTLP 0.15, and Tempo batches', () => {
    const legacy = {
      batches: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'old' } }] },
          instrumentationLibrarySpans: [
            { instrumentationLibrary: { name: 'io.old' }, spans: [{ traceId: TRACE_B64, spanId: SPAN_B64, name: 'legacy' }] },
          ],
        },
      ],
    };
    expect(spansFromOtlpJson(legacy)).toMatchObject([{ name: 'legacy', service: 'old', scope: { name: 'io.old' }, kind: 'unspecified' }]);
  });

  it('treats an absent, empty or all-zero parent id as a root', () => {
    for (const parentSpanId of [undefined, '', '0000000000000000', 'AAAAAAAAAAA=']) {
      const [span] = spansFromOtlpJson(request({ parentSpanId }));
      expect(span).not.toHaveProperty('parentSpanId');
    }
  });

  it('accepts JSON text and UTF-8 bytes, and an empty request', () => {
    const text = JSON.stringify(request({}));
    expect(spansFromOtlpJson(text)).toHaveLength(1);
    expect(spansFromOtlpJson(new TextEncoder().encode(text))).toHaveLength(1);
    expect(spansFromOtlpJson({})).toEqual([]);
    expect(spansFromOtlpJson({ resourceSpans: [] })).toEqual([]);
  });

  it('ignores fields it does not know, as OTLP/JSON receivers must', () => {
    const [span] = spansFromOtlpJson(request({ somethingNew: { x: 1 }, flags: 257, traceState: 'a=b' }, { schemaUrl: 'https://x' }));
    expect(span?.name).toBe('op');
  });

  it('names the path of the bad field', () => {
    const body = {
      resourceSpans: [
        {
          scopeSpans: [
            { spans: [] },
            {
              spans: [0, 1, 2]
                .map((i) => ({ traceId: TRACE_HEX, spanId: `${i}`.padStart(16, '1') }))
                .concat([{ traceId: 'abc', spanId: SPAN_HEX }]),
            },
          ],
        },
      ],
    };
    expect(() => spansFromOtlpJson(body)).toThrow(
      'Invalid OTLP trace data: resourceSpans[0].scopeSpans[1].spans[3].traceId: expected 32 hex characters or base64 of 16 bytes, got "abc"',
    );
  });

  it.each([
    [{ traceId: '0'.repeat(32) }, 'spans[0].traceId: must not be all zeros'],
    [{ spanId: undefined }, 'spans[0].spanId: expected 16 hex characters or base64 of 8 bytes, got nothing'],
    [{ spanId: TRACE_HEX }, 'spans[0].spanId: expected 16 hex characters or base64 of 8 bytes'],
    [{ startTimeUnixNano: '12.5' }, 'spans[0].startTimeUnixNano: expected nanoseconds'],
    [{ kind: 'SERVER' }, 'spans[0].kind: expected a SpanKind number (0-5) or name (SPAN_KIND_SERVER), got "SERVER"'],
    [{ status: { code: 'ERROR' } }, 'spans[0].status.code: expected a StatusCode'],
    [{ name: 7 }, 'spans[0].name: expected a string, got number'],
    [
      { attributes: [{ key: 'k', value: { stringValue: 1 } }] },
      'spans[0].attributes[0].value.stringValue: expected a string, got number 1',
    ],
    [
      { attributes: [{ key: 'k', value: { arrayValue: { values: [{ intValue: 'x' }] } } }] },
      'attributes[0].value.arrayValue.values[0].intValue: expected an integer',
    ],
    [{ attributes: [{ key: 'k', value: { bytesValue: 'not base64!' } }] }, 'attributes[0].value.bytesValue: expected base64 bytes'],
    [{ events: [{ timeUnixNano: -1 }] }, 'spans[0].events[0].timeUnixNano: expected nanoseconds'],
    [{ links: [{ traceId: TRACE_HEX, spanId: 'zz' }] }, 'spans[0].links[0].spanId: expected 16 hex characters'],
  ])('rejects a bad span field %j', (field, message) => {
    expect(() => spansFromOtlpJson(request(field))).toThrow(message);
  });

  it.each([
    [null, 'expected an ExportTraceServiceRequest object'],
    [{ resourceSpans: {} }, 'resourceSpans: expected an array'],
    [{ resourceSpans: [1] }, 'resourceSpans[0]: expected an object'],
    [{ resourceSpans: [{ resource: 'x' }] }, 'resourceSpans[0].resource: expected a Resource object'],
    [{ resourceSpans: [{ scopeSpans: [{ scope: 1 }] }] }, 'resourceSpans[0].scopeSpans[0].scope: expected an InstrumentationScope object'],
    [{ resourceSpans: [{ scopeSpans: [{ spans: {} }] }] }, 'resourceSpans[0].scopeSpans[0].spans: expected an array of Span'],
    ['{"resourceSpans": [', 'not valid JSON'],
  ])('rejects a malformed request %j', (body, message) => {
    expect(() => spansFromOtlpJson(body)).toThrow(OtlpFormatError);
    expect(() => spansFromOtlpJson(body)).toThrow(message);
  });

  it('leaves out invalid spans one by one when asked, keeping the rest', () => {
    const body = request({}, {});
    const spans = (body as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] }).resourceSpans[0]!.scopeSpans[0]!.spans;
    spans.push({ traceId: 'bad', spanId: SPAN_HEX }, { traceId: TRACE_HEX, spanId: '2222222222222222' }, 'not a span');
    const rejected: string[] = [];
    const converted = spansFromOtlpJson(body, { onInvalidSpan: (e) => rejected.push(e.path) });
    expect(converted.map((s) => s.spanId)).toEqual([SPAN_HEX, '2222222222222222']);
    expect(rejected).toEqual(['resourceSpans[0].scopeSpans[0].spans[1].traceId', 'resourceSpans[0].scopeSpans[0].spans[3]']);
  });
});
