/**
 * The words of each conclusion the evidence supports, in one place so that messages and their
 * tests agree. Each names the cause and the fix.
 */
export const evidenceFindings = {
  newTrace: (service: string, traceId: string): string =>
    `service ${service} received your request but started a new trace ${traceId}: it did not continue the traceparent header (its HTTP server is not instrumented — an ESM service started without the import hook (--import …/register), or code loaded inside Jest's sandbox — its OTEL_PROPAGATORS leave out tracecontext, or a proxy in front of it dropped the header)`,

  brokenPropagation: (caller: string, call: string, callee: string, traceId: string): string =>
    `service ${callee} received the call "${call}" from service ${caller} but started a new trace ${traceId}: the traceparent header did not get from ${caller} to ${callee} (${callee}'s HTTP server is not instrumented or its OTEL_PROPAGATORS leave out tracecontext, ${caller} did not inject the header, or a proxy between them dropped it)`,

  lateSpans: (count: number, services: readonly string[]): string =>
    `${count} more span(s) of this trace, from ${serviceList(services)}, reached the backend after traceproof stopped waiting: export them sooner (OTEL_BSP_SCHEDULE_DELAY=50, or a SimpleSpanProcessor in tests) or give the assertion a longer timeout`,

  nothingExported: (endpoints: readonly string[]): string =>
    `nothing was exported to ${endpoints.join(' or ')} since the request was sent: check the service's OTEL_EXPORTER_OTLP_ENDPOINT (${endpoints.map(urlOf).join(' or ')}) and OTEL_EXPORTER_OTLP_PROTOCOL (http/protobuf or grpc), and that its exporter is started; a BatchSpanProcessor waits OTEL_BSP_SCHEDULE_DELAY (5 s by default) before exporting; a sampler that drops every trace (OTEL_TRACES_SAMPLER=always_off) exports nothing either`,

  exportDelay: (service: string, medianMs: number): string =>
    `service ${service} exports ${seconds(medianMs)} s after a span ends: its exporter batches (set OTEL_BSP_SCHEDULE_DELAY=50 in its environment, or use a SimpleSpanProcessor in tests)`,

  exportDelayEarlier: (service: string, medianMs: number): string =>
    `service ${service} exported ${seconds(medianMs)} s after a span ended earlier in this run, so this trace's spans may still be on their way: its exporter batches (set OTEL_BSP_SCHEDULE_DELAY=50 in its environment, or use a SimpleSpanProcessor in tests)`,

  samplerSameRoute: (service: string, request: string): string =>
    `a sampler may have dropped the trace: service ${service} exported other ${request} requests during the test but none of this one; set OTEL_TRACES_SAMPLER=parentbased_always_on (traceproof sends the sampled flag, which parent-based samplers follow)`,

  samplerOtherTraces: (services: readonly string[]): string =>
    `a sampler may have dropped the trace, or the request never reached an instrumented service: ${serviceList(services)} exported other traces during the test but none of this one; where a sampler could drop it, set OTEL_TRACES_SAMPLER=parentbased_always_on`,
} as const;

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** `http://127.0.0.1:4318 (OTLP/HTTP)` → `http://127.0.0.1:4318`. */
function urlOf(endpoint: string): string {
  return endpoint.replace(/\s+\(.*\)$/, '');
}

function serviceList(services: readonly string[]): string {
  const shown = services.slice(0, 3);
  const more = services.length - shown.length;
  if (services.length === 1) return `service ${shown[0]}`;
  const last = more > 0 ? `${more} more` : shown.pop();
  return `services ${shown.join(', ')} and ${last}`;
}
