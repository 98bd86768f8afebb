import type { TraceBackend } from '../backend/trace-backend';
import type { ExportDelay, FoundTrace, TraceSearchAnswer } from '../backend/trace-search';
import { renderTraceTree } from '../report/render-trace-tree';
import { Trace } from '../trace/trace';
import type { Evidence } from './evidence';
import { evidenceFindings as say } from './evidence-findings';
import { exportDelaysSeen, rememberExportDelays } from './export-delays-seen';
import { findBrokenCalls } from './find-broken-calls';
import { httpRequestOfSpan, pathOf } from './http-request-of-span';
import { servesRequest, spansServingRequest } from './spans-serving-request';
import type { TriggerFacts } from './trigger-facts';

/** The window opens this much before the trigger: clocks of other processes, and a trigger's own setup. */
const BEFORE_TRIGGER_MS = 200;
const SEARCH_LIMIT = 50;
/** A median export delay from here on is a batching exporter, not transport. */
const SLOW_EXPORT_MS = 1000;
const MAX_TREES = 2;
const TREE_SPANS = 14;
const MAX_LISTED_TRACES = 3;
const MAX_DELAY_FINDINGS = 3;

/**
 * What the backend saw since the trigger, and what follows for a trace that is missing or
 * incomplete (`arrived` as it was fetched last). `undefined` when the backend cannot search;
 * never throws: a failed search is told in the details.
 */
export async function gatherEvidence(
  backend: TraceBackend,
  facts: TriggerFacts,
  arrived: Trace,
  signal: AbortSignal,
): Promise<Evidence | undefined> {
  if (!backend.findTraces) return undefined;
  const search = { from: facts.startedAt - BEFORE_TRIGGER_MS, to: Date.now(), limit: SEARCH_LIMIT };
  let answer: TraceSearchAnswer;
  try {
    answer = await backend.findTraces(search, signal);
  } catch (error) {
    return { findings: [], details: [`Searching ${backend.name} for what arrived since the request failed: ${messageOf(error)}`] };
  }
  const earlier = exportDelaysSeen();
  rememberExportDelays(answer.exportDelays ?? []);
  try {
    return await conclude(backend, facts, arrived, answer, earlier, signal);
  } catch (error) {
    return { findings: [], details: [`Searched ${answer.scope}, but could not read the answer: ${messageOf(error)}`] };
  }
}

async function conclude(
  backend: TraceBackend,
  facts: TriggerFacts,
  arrived: Trace,
  answer: TraceSearchAnswer,
  earlier: ReadonlyMap<string, ExportDelay>,
  signal: AbortSignal,
): Promise<Evidence> {
  const findings: string[] = [];
  const shown: FoundTrace[] = [];
  const others = answer.traces.filter((t) => t.traceId !== facts.traceId);
  const broken = arrived.size > 0 ? findBrokenCalls(arrived, others) : [];
  const serving = spansServingRequest(others, facts);
  // When the trace holds the request's own server span, the entry continued it: a new trace below is a broken call.
  const continuedHere = arrived.spans.some((s) => servesRequest(s, facts));
  const newTrace = continuedHere
    ? undefined
    : serving.find((s) => s.span.parentSpanId === undefined && !broken.some((b) => b.trace === s.trace));
  if (newTrace) {
    findings.push(say.newTrace(newTrace.span.service, newTrace.trace.traceId));
    shown.push(newTrace.trace);
  }
  for (const call of broken) {
    findings.push(say.brokenPropagation(call.caller.service, call.caller.name, call.callee.service, call.trace.traceId));
    shown.push(call.trace);
  }
  const own = answer.traces.find((t) => t.traceId === facts.traceId);
  if (own && own.spanCount > arrived.size) {
    const known = new Set(arrived.spans.map((s) => s.service));
    const services = own.services.filter((s) => !known.has(s));
    findings.push(say.lateSpans(own.spanCount - arrived.size, services.length > 0 ? services : own.services));
  }
  for (const part of answer.parts ?? [answer]) {
    if (part.spansInWindow === 0 && part.endpoints && part.endpoints.length > 0) findings.push(say.nothingExported(part.endpoints));
  }
  const slow = (answer.exportDelays ?? []).filter((d) => d.medianMs >= SLOW_EXPORT_MS);
  for (const delay of slow.slice(0, MAX_DELAY_FINDINGS)) findings.push(say.exportDelay(delay.service, delay.medianMs));
  const inWindow = new Set((answer.exportDelays ?? []).map((d) => d.service));
  const slowEarlier = [...earlier.values()].filter((d) => !inWindow.has(d.service) && d.medianMs >= SLOW_EXPORT_MS);
  for (const delay of slowEarlier.slice(0, MAX_DELAY_FINDINGS)) findings.push(say.exportDelayEarlier(delay.service, delay.medianMs));
  if (arrived.size === 0 && !own && findings.length === 0) {
    const continued = serving.find((s) => s.span.parentSpanId !== undefined);
    if (continued) {
      findings.push(say.samplerSameRoute(continued.span.service, requestLine(facts, httpRequestOfSpan(continued.span).routes[0])));
    } else {
      const services = servicesOfContinuedRequests(others);
      if (services.length > 0) findings.push(say.samplerOtherTraces(services));
    }
  }

  const details = [`Searched ${answer.scope}.`];
  if (answer.spansInWindow !== undefined) {
    const more = answer.truncated ? ' (more than listed)' : '';
    details.push(`${answer.spansInWindow} span(s) of ${answer.traces.length} trace(s)${more} arrived in that window.`);
  }
  for (const trace of shown.slice(0, MAX_TREES)) details.push(...(await treeOf(backend, trace, signal)));
  const listed = others.filter((t) => !shown.includes(t)).slice(0, MAX_LISTED_TRACES);
  for (const trace of listed) details.push(summaryOf(trace));
  if (others.length > shown.length + listed.length) details.push(`… and ${others.length - shown.length - listed.length} more trace(s).`);
  const delays = answer.exportDelays ?? [];
  if (delays.length > 0) {
    const list = delays.slice(0, 5).map((d) => `${d.service} ${d.medianMs} ms (max ${d.maxMs} ms, ${d.spans} span(s))`);
    details.push(`Export delays (arrival minus span end, median): ${list.join(', ')}.`);
  }
  for (const line of answer.notChecked ?? []) details.push(`Not checked: ${line}.`);
  return { findings, details };
}

async function treeOf(backend: TraceBackend, found: FoundTrace, signal: AbortSignal): Promise<string[]> {
  const head = `Trace ${found.traceId} (${found.spanCount} span(s) from ${found.services.join(', ')}):`;
  let spans = found.topSpans;
  try {
    const fetched = await backend.fetchTrace(found.traceId, signal);
    if (fetched.length > 0) spans = fetched;
  } catch {
    // The top spans the search sent still show what the trace began with.
  }
  const tree = renderTraceTree(new Trace(spans, { traceId: found.traceId }), { maxSpans: TREE_SPANS });
  return [head, ...tree.split('\n')];
}

function summaryOf(trace: FoundTrace): string {
  const top = trace.topSpans[0];
  const first = top ? `, starting with ${top.service} "${top.name}"` : '';
  return `Other trace ${trace.traceId}: ${trace.spanCount} span(s) from ${trace.services.join(', ')}${first}.`;
}

/** Services that exported server spans continuing a caller's trace: they follow traceparent, and export. */
function servicesOfContinuedRequests(traces: readonly FoundTrace[]): string[] {
  const services = new Set<string>();
  for (const trace of traces) {
    for (const span of trace.topSpans) if (span.parentSpanId !== undefined && span.kind === 'server') services.add(span.service);
  }
  return [...services].sort();
}

/** `GET /orders/:id`: the route where the span names one, else the path the trigger requested. */
function requestLine(facts: TriggerFacts, route: string | undefined): string {
  const path = route ?? pathOf(facts.url) ?? facts.url ?? '';
  return facts.method ? `${facts.method.toUpperCase()} ${path}` : path;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
