// The trace ids in an OTLP/protobuf ExportTraceServiceRequest, read with a minimal protobuf
// walker: resource_spans (1) → scope_spans (2) → spans (2) → trace_id (1). Nothing else is decoded.

/** Distinct lower-case hex trace ids in `body`. */
export function traceIdsFromOtlp(body) {
  const ids = new Set();
  for (const resourceSpans of fields(body, 1)) {
    for (const scopeSpans of fields(resourceSpans, 2)) {
      for (const span of fields(scopeSpans, 2)) {
        const [traceId] = fields(span, 1);
        if (traceId) ids.add(Buffer.from(traceId).toString('hex'));
      }
    }
  }
  return ids;
}

/** The length-delimited fields numbered `wanted` in one message. */
function fields(buf, wanted) {
  const out = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = varint(buf, pos);
    pos = afterTag;
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) pos = varint(buf, pos)[1];
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const [length, start] = varint(buf, pos);
      const end = start + Number(length);
      if (field === wanted) out.push(buf.subarray(start, end));
      pos = end;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

function varint(buf, pos) {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new Error('truncated protobuf varint');
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}
