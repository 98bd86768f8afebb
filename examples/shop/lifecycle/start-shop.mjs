// Starts the shop's services as child processes on free loopback ports, waits until each
// answers /health, and returns their URLs and a stop() that kills them all by PID.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';
import { logTail } from './log-tail.mjs';
import { findPythonEnv, PYTHON_ENV_COMMAND } from './python-env.mjs';
import { spawnService, stopService } from './spawn-service.mjs';
import { waitForHealth } from './wait-for-health.mjs';

const servicesDir = fileURLToPath(new URL('../services/', import.meta.url));

/**
 * @param {object} options
 * @param {string} [options.otlpEndpoint] where services export spans; default OTEL_EXPORTER_OTLP_ENDPOINT
 * @param {'auto'|'require'|'off'} [options.python] 'auto': use the Python payments service when its
 *   env is set up, else the Node fallback; 'require': fail without it (the default under CI=true)
 * @param {number} [options.readyTimeoutMs] how long the services (started together) may take to answer
 *   /health; default 20000. A runner's global setup passes its own timeout, named in `readyTimeoutSource`.
 * @param {string} [options.readyTimeoutSource] where readyTimeoutMs came from, for the failure message
 * @param {Record<string,string>} [options.env] extra env for every service (e.g. SHOP_SPAN_PROCESSOR)
 */
export async function startShop(options = {}) {
  const otlpEndpoint = options.otlpEndpoint ?? defaultOtlpEndpoint(process.env);
  if (!otlpEndpoint) {
    throw new Error(
      '[shop] No OTLP endpoint: OTEL_EXPORTER_OTLP_ENDPOINT is not set. Put traceproof/vitest/global-setup ' +
        'before the shop global setup in globalSetup, or pass otlpEndpoint.',
    );
  }
  const pythonMode = options.python ?? process.env.SHOP_PYTHON ?? (process.env.CI === 'true' ? 'require' : 'auto');
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const readyTimeoutSource = options.readyTimeoutSource ?? 'readyTimeoutMs of startShop()';
  const pythonEnv = pythonMode === 'off' ? { python: undefined, reason: 'SHOP_PYTHON=off' } : findPythonEnv();
  if (pythonMode === 'require' && !pythonEnv.python) {
    throw new Error(
      `[shop] The Python payments service is required here (${process.env.CI === 'true' ? 'CI=true' : 'SHOP_PYTHON=require'}) ` +
        `but ${pythonEnv.reason}. Run: ${PYTHON_ENV_COMMAND}`,
    );
  }
  const python = pythonEnv.python;
  const paymentsService = python ? 'payments' : 'payments-fallback';

  const logDir = mkdtempSync(join(tmpdir(), 'traceproof-shop-'));
  const [gatewayPort, ordersPort, inventoryPort, paymentsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const url = (port) => `http://127.0.0.1:${port}`;
  const baseEnv = {
    ...process.env,
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_PROPAGATORS: 'tracecontext,baggage',
    // The test's traceparent carries the sampled flag; respect it, sample everything else too.
    OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    ...options.env,
  };
  const node = (name, port, env) => ({
    name,
    port,
    command: process.execPath,
    args: ['--import', './otel.mjs', `./${name}.mjs`],
    env: { ...baseEnv, OTEL_SERVICE_NAME: name, ...env },
  });
  const specs = [
    node('inventory', inventoryPort, {}),
    python
      ? {
          name: 'payments',
          port: paymentsPort,
          command: python,
          args: ['-u', 'payments/payments.py'],
          env: { ...baseEnv, OTEL_SERVICE_NAME: 'payments' },
        }
      : node('payments-fallback', paymentsPort, {}),
    node('orders', ordersPort, { INVENTORY_URL: url(inventoryPort), PAYMENTS_URL: url(paymentsPort) }),
    node('gateway', gatewayPort, { ORDERS_URL: url(ordersPort), INVENTORY_URL: url(inventoryPort) }),
  ];

  const started = specs.map((spec) => spawnService({ ...spec, cwd: servicesDir, logDir }));
  let stopped = false;
  const stop = async ({ keepLogs = false } = {}) => {
    if (stopped) return;
    stopped = true;
    await Promise.all(started.map((s) => stopService(s)));
    if (!keepLogs && !process.env.SHOP_KEEP_LOGS) rmSync(logDir, { recursive: true, force: true });
  };
  // Last resort if the runner leaves without calling stop(): kill by PID on exit.
  const onExit = () => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  };
  process.once('exit', onExit);

  // One deadline for all: they start in parallel, so the slowest one is what the run waits for.
  const startedAt = Date.now();
  const deadline = startedAt + readyTimeoutMs;
  const results = await Promise.allSettled(started.map((s) => waitForHealth(s.url, { deadline, exited: s.exited, startedAt })));
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ service: started[i], reason: r.reason.message }] : []));
  if (failed.length > 0) {
    await stop({ keepLogs: true });
    process.off('exit', onExit);
    const ready = results.flatMap((r, i) => (r.status === 'fulfilled' ? [`${started[i].name} after ${r.value} ms`] : []));
    const details = failed
      .map(
        ({ service, reason }) =>
          `  ${service.name} (pid ${service.pid}): ${reason}. Last lines of ${service.logFile}:\n${logTail(service.logFile)}`,
      )
      .join('\n');
    const cpus = availableParallelism();
    const load = loadavg()[0];
    throw new Error(
      `[shop] Services not ready within ${readyTimeoutMs} ms (${readyTimeoutSource}):\n${details}\n` +
        `  Ready: ${ready.length > 0 ? ready.join(', ') : 'none'}. Load average ${load.toFixed(1)} on ${cpus} CPUs` +
        (load > cpus * 2
          ? ': the machine is saturated, so start-up takes many times longer than on a quiet one (about a second); ' +
            `give the runner's timeout more room on such machines, or run fewer things at once.`
          : '.'),
    );
  }

  const byName = Object.fromEntries(started.map((s) => [s.name, s]));
  return {
    gatewayUrl: byName.gateway.url,
    ordersUrl: byName.orders.url,
    inventoryUrl: byName.inventory.url,
    paymentsUrl: byName[paymentsService].url,
    paymentsService,
    python: Boolean(python),
    pythonNotice: python
      ? undefined
      : `[shop] Python payments service not started (${pythonEnv.reason}); orders calls the Node fallback ` +
        `"payments-fallback" and the Python tests are skipped. To enable them: ${PYTHON_ENV_COMMAND}`,
    pids: Object.fromEntries(started.map((s) => [s.name, s.pid])),
    logDir,
    stop: async (opts) => {
      await stop(opts);
      process.off('exit', onExit);
    },
  };
}

/**
 * Where the services send spans: traceproof's receiver when its global setup ran and no other
 * trace store is configured (its query API shares the OTLP/HTTP port), else the standard
 * OTEL_EXPORTER_OTLP_ENDPOINT, e.g. a Collector in front of Jaeger with TRACEPROOF_BACKEND set.
 */
function defaultOtlpEndpoint(env) {
  if (env.TRACEPROOF_RECEIVER_URL && !env.TRACEPROOF_BACKEND) return new URL(env.TRACEPROOF_RECEIVER_URL).origin;
  return env.OTEL_EXPORTER_OTLP_ENDPOINT;
}
