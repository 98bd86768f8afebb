// npm run bench: how long after a trace's last span reaches the receiver does an assertion
// reach its verdict, for traceproof's waiting (completeness proven, and the quiet window alone)
// and for the incumbents' published polling strategies, measured on the same shop in the same run. Also: exporter settings, and the
// example suite's wall time with and without trace assertions. Writes bench/RESULTS.md.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'expect';
import { getConfig } from 'traceproof';
import { traceMatchers } from 'traceproof/matchers';
import { startShop } from '../examples/shop/lifecycle/start-shop.mjs';
import { startArrivalTap } from './lib/arrival-tap.mjs';
import { describeMachine } from './lib/machine.mjs';
import { measureRequest } from './lib/measure-request.mjs';
import { sleep } from './lib/now.mjs';
import { renderResults } from './lib/render-results.mjs';
import { runSuite } from './lib/run-suite.mjs';
import { shopBaseline } from './lib/shop-baseline.mjs';
import * as jestOpentelemetry from './strategies/jest-opentelemetry-polling.mjs';
import * as traceproof from './strategies/traceproof.mjs';
import * as traceproofQuietWindow from './strategies/traceproof-quiet-window.mjs';
import * as tracetest from './strategies/tracetest-polling.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10);
const STAGGER_MS = 300;
const STRATEGIES = [traceproof, traceproofQuietWindow, shopBaseline(jestOpentelemetry), shopBaseline(tracetest)];
const EXPORTER_SETTINGS = [
  { label: 'SimpleSpanProcessor', env: { SHOP_SPAN_PROCESSOR: 'simple' } },
  { label: 'BatchSpanProcessor, OTEL_BSP_SCHEDULE_DELAY=50', env: { SHOP_SPAN_PROCESSOR: 'batch', OTEL_BSP_SCHEDULE_DELAY: '50' } },
  { label: 'BatchSpanProcessor, OTEL_BSP_SCHEDULE_DELAY=100', env: { SHOP_SPAN_PROCESSOR: 'batch', OTEL_BSP_SCHEDULE_DELAY: '100' } },
];
const log = (line) => console.log(`[bench] ${line}`);

expect.extend(traceMatchers);
const started = Date.now();
const startedAt = new Date(started).toISOString();

// The receiver, as the Vitest global setup starts it, on free ports.
process.env.TRACEPROOF_OTLP_PORT = '0';
process.env.TRACEPROOF_GRPC_PORT = 'off';
const { default: startReceiver } = await import('traceproof/vitest/global-setup');
const stopReceiver = await startReceiver();
const tap = await startArrivalTap(new URL(process.env.TRACEPROOF_RECEIVER_URL).origin);

async function withShop(env, fn) {
  const shop = await startShop({ otlpEndpoint: tap.url, env });
  try {
    // Warm-up: first requests pay for JIT, connection set-up and the exporters' first export.
    for (let i = 0; i < 3; i++) {
      const warm = await measureRequest({ strategy: traceproof, gatewayUrl: shop.gatewayUrl, tap, expect });
      if (process.env.BENCH_DEBUG) log(`warm-up ${JSON.stringify(warm)}`);
    }
    return await fn(shop);
  } finally {
    await shop.stop();
  }
}

let strategyRuns;
const exporterRuns = [];
// The export delays traceproof has learned (longest per service, span end → first seen), which
// its proof of completeness waits 3× of: after the warm-up and after the interleaved requests.
const learnedExportDelays = () => {
  const learned = globalThis[Symbol.for('traceproof.run-observations')]?.exportDelayMs;
  return learned instanceof Map ? Object.fromEntries(learned) : undefined;
};
const exportDelays = {};
let payments;
try {
  log(`strategies: ${REQUESTS} requests each, all strategies interleaved (rotating order), one launch every ${STAGGER_MS} ms`);
  strategyRuns = await withShop({}, async (shop) => {
    payments = shop.paymentsService;
    exportDelays.afterWarmUp = learnedExportDelays();
    const runs = [];
    for (let i = 0; i < REQUESTS; i++) {
      for (let k = 0; k < STRATEGIES.length; k++) {
        const strategy = STRATEGIES[(i + k) % STRATEGIES.length];
        runs.push(measureRequest({ strategy, gatewayUrl: shop.gatewayUrl, tap, expect }));
      }
      await sleep(STAGGER_MS);
    }
    return Promise.all(runs);
  });
  exportDelays.afterStrategies = learnedExportDelays();
  log(
    `export delays learned: after warm-up ${JSON.stringify(exportDelays.afterWarmUp)}, after the strategies ${JSON.stringify(exportDelays.afterStrategies)}`,
  );
  for (const failed of strategyRuns.filter((r) => r.errorDetail))
    log(`${failed.strategy} ${failed.traceId} failed:\n${failed.errorDetail}`);
  for (const strategy of STRATEGIES) {
    const runs = strategyRuns.filter((r) => r.strategy === strategy.id);
    const each = runs.map((r) => (r.error ? 'failed' : `${r.lastArrivalToSettled.toFixed(1)} ms/${r.spansSeen} spans`));
    log(`${strategy.id}: last span → complete verdict, each run: ${each.join(', ')}`);
  }

  for (const setting of EXPORTER_SETTINGS) {
    log(`exporter: ${setting.label}, ${REQUESTS} sequential requests`);
    const runs = await withShop(setting.env, async (shop) => {
      const out = [];
      for (let i = 0; i < REQUESTS; i++) out.push(await measureRequest({ strategy: traceproof, gatewayUrl: shop.gatewayUrl, tap, expect }));
      return out;
    });
    exporterRuns.push({ ...setting, runs });
  }
} finally {
  await tap.close();
  await stopReceiver();
}

log('example suite with trace assertions');
const withAssertions = await runSuite('examples/shop/vitest.config.ts');
log('example suite with trace matchers stubbed to pass');
const withoutAssertions = await runSuite('bench/shop-without-trace-assertions.config.ts');

const markdown = renderResults({
  machine: describeMachine(),
  startedAt,
  requests: REQUESTS,
  payments,
  strategies: STRATEGIES,
  strategyRuns,
  exportDelays,
  quietWindow: getConfig().quietWindow,
  exporterRuns,
  suites: { withAssertions, withoutAssertions },
  benchWallMs: Date.now() - started,
});
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), markdown);
console.log(`\n${markdown}`);
const failed = strategyRuns.filter((r) => r.error).length + (withAssertions.code !== 0 ? 1 : 0);
if (failed > 0) log(`${failed} measurement(s) failed; see above.`);
await (await import('./backends/run.mjs')).runBackendsBench({ startedAt }); // real Jaeger/Zipkin/Tempo when reachable: bench/backends/RESULTS.md
process.exit(0);
