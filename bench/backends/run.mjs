// Backend bench: against real Jaeger, Zipkin and Tempo, how long after a trace's last span is
// queryable does each waiting strategy reach its verdict? traceproof's PendingTrace (positive
// assertion, settled wait) against Tracetest's default polling and jest-opentelemetry's fixed
// polling, measured in the same run, on fresh traces sent with the real OpenTelemetry SDK.
//   npm run build && node scripts/link-self.mjs && node bench/backends/run.mjs
// Env: BENCH_BACKEND_TRACES (traces per strategy per backend, default 8), BENCH_BACKENDS
// (comma-separated subset of jaeger,zipkin,tempo), the TRACEPROOF_*_URL vars start.sh prints.
// Writes bench/backends/RESULTS.md.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getConfig } from 'traceproof';
import { checkReachable, describeBackends, sdkLabel } from './backends.mjs';
import { now, sleep } from '../lib/now.mjs';
import { sendKnownTrace, SPAN_COUNT, SPAN_PROCESSOR } from './known-trace.mjs';
import { describeMachine } from '../lib/machine.mjs';
import { MAX_IN_FLIGHT, PROBE_INTERVAL_MS, probeQueryable } from './probe-queryable.mjs';
import { renderConsole, renderMarkdown } from './render.mjs';
import { STRATEGIES } from './strategies.mjs';

const TRACES = boundedInt(process.env.BENCH_BACKEND_TRACES, 8, 1, 50);
const STAGGER_MS = 300;
const WARM_UP_TIMEOUT_MS = 20_000;
const RUN_GUARD_MS = 90_000;

/** Runs the bench against every reachable backend; writes RESULTS.md when one was measured. */
export async function runBackendsBench({ log = (line) => console.log(`[bench:backends] ${line}`), startedAt } = {}) {
  const started = now();
  const settings = waitSettings();
  const only = process.env.BENCH_BACKENDS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const measured = [];
  const skipped = [];
  for (const spec of describeBackends()) {
    if (only && !only.includes(spec.name)) {
      skipped.push({ name: spec.name, reason: 'not in BENCH_BACKENDS' });
      continue;
    }
    const unreachable = await checkReachable(spec);
    if (unreachable) {
      log(`skipping ${spec.name}: ${unreachable} (start it with: eval "$(bash scripts/backends/start.sh ${spec.name})")`);
      skipped.push({ name: spec.name, reason: unreachable });
      continue;
    }
    const backend = spec.backend();
    const warmUp = await measureOne(spec, backend, undefined, settings, WARM_UP_TIMEOUT_MS);
    if (warmUp.error) {
      log(
        `skipping ${spec.name}: a warm-up trace sent to ${spec.ingestUrl} never became queryable at ${spec.queryUrl.url} (${warmUp.error})`,
      );
      skipped.push({ name: spec.name, reason: `warm-up trace not queryable: ${warmUp.error}` });
      continue;
    }
    log(`${spec.name}: ${TRACES} traces × ${STRATEGIES.length} strategies, one launch every ${STAGGER_MS} ms`);
    const backendStarted = now();
    const runs = await measureBackend(spec, backend, settings);
    const failures = runs.filter((r) => r.error);
    log(
      `${spec.name}: done in ${((now() - backendStarted) / 1000).toFixed(1)} s${failures.length ? `, ${failures.length} run(s) failed` : ''}`,
    );
    for (const f of failures) log(`  ${f.strategy}: ${f.error}`);
    measured.push({ name: spec.name, spec, version: await spec.version(), runs });
  }

  const report = {
    machine: describeMachine(),
    runStartedAt: startedAt ?? new Date(started).toISOString(),
    partOfNpmRunBench: startedAt !== undefined,
    settings: {
      ...settings,
      traces: TRACES,
      staggerMs: STAGGER_MS,
      probeIntervalMs: PROBE_INTERVAL_MS,
      probeMaxInFlight: MAX_IN_FLIGHT,
      spanCount: SPAN_COUNT,
      spanProcessor: SPAN_PROCESSOR,
      sdk: sdkLabel(),
    },
    measured,
    skipped,
    wallMs: now() - started,
  };
  const markdown = renderMarkdown(report);
  console.log(`\n${renderConsole(report)}`);
  if (measured.length > 0) {
    writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), markdown);
    log(`wrote bench/backends/RESULTS.md (${(report.wallMs / 1000).toFixed(1)} s)`);
  } else {
    log('no backend measured: bench/backends/RESULTS.md left as it was');
  }
  return markdown;
}

/** Every strategy TRACES times, interleaved (rotating order) and staggered, each on its own trace. */
async function measureBackend(spec, backend, settings) {
  const runs = [];
  for (let round = 0; round < TRACES; round++) {
    for (let k = 0; k < STRATEGIES.length; k++) {
      const strategy = STRATEGIES[(round + k) % STRATEGIES.length];
      runs.push(measureOne(spec, backend, strategy, settings, RUN_GUARD_MS));
      await sleep(STAGGER_MS);
    }
  }
  return Promise.all(runs);
}

/**
 * Sends one known trace; at the moment its root span ends, starts the prober and (unless this is
 * a warm-up) the strategy on it. Latency = verdict − queryable.
 */
async function measureOne(spec, backend, strategy, settings, guardMs) {
  const result = { strategy: strategy?.id ?? 'warm-up' };
  let probing;
  let deciding;
  let guardTimer;
  const guard = new Promise((resolve) => {
    guardTimer = setTimeout(() => resolve({ error: `no verdict within ${guardMs} ms` }), guardMs);
  });
  try {
    const sent = await sendKnownTrace(spec.exporter, (traceId) => {
      probing = probeQueryable(backend, traceId, SPAN_COUNT);
      deciding = strategy
        ? strategy.run({ backend, traceId, settings }).catch((error) => ({ error: String(error?.message ?? error).split('\n')[0] }))
        : Promise.resolve({});
    });
    Object.assign(result, sent);
    const [probe, verdict] = await Promise.race([Promise.all([probing, deciding]), guard.then((g) => [g, g])]);
    if (probe.error) return { ...result, error: probe.error };
    Object.assign(result, {
      queryableAt: probe.queryableAt,
      resolutionMs: probe.resolutionMs,
      probes: probe.probes,
      ingestMs: probe.queryableAt - sent.flushedAt,
    });
    if (verdict.error) return { ...result, error: verdict.error };
    if (!strategy) return result;
    return {
      ...result,
      ...verdict,
      latencyMs: verdict.verdictAt - probe.queryableAt,
      fromTriggerMs: verdict.verdictAt - sent.triggeredAt,
    };
  } catch (error) {
    return { ...result, error: String(error?.message ?? error).split('\n')[0] };
  } finally {
    clearTimeout(guardTimer);
  }
}

/** The library's own defaults outside a runner (or TRACEPROOF_QUIET_WINDOW / TRACEPROOF_TIMEOUT), in ms. */
function waitSettings() {
  const config = getConfig();
  // No timeout configured: outside a runner a trace may take 4 s (README, "Deadlines and test timeouts").
  return { quietWindowMs: toMs(config.quietWindow, 'quietWindow'), timeoutMs: toMs(config.timeout ?? '4s', 'timeout') };
}

function toMs(duration, what) {
  if (typeof duration === 'number' && Number.isFinite(duration)) return duration;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m)\s*$/.exec(String(duration));
  if (!match) throw new Error(`cannot read traceproof's ${what} setting ${JSON.stringify(duration)}`);
  return Number(match[1]) * { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000 }[match[2]];
}

function boundedInt(raw, fallback, min, max) {
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`BENCH_BACKEND_TRACES must be an integer from ${min} to ${max}, got ${raw}`);
  return n;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runBackendsBench();
  process.exit(0);
}
