// What a polling tool sees: the spans the receiver holds for a trace right now, through the
// same query API traceproof's workers use, without waiting.
export async function fetchStoredSpans(queryUrl, traceId) {
  const res = await fetch(`${queryUrl}/traces/${traceId}`);
  if (!res.ok) throw new Error(`query API answered ${res.status} for trace ${traceId}`);
  const body = await res.json();
  return body.spans;
}
