// The misconfiguration corpus (examples/misconfigured): each example is one mistake a user
// makes, run as a subprocess the way the user runs it, and this file pins what they see. The
// failures must name the mistake (evidence) and must be the assertion's own, not an artefact of
// the deadline (truthful failures). Runs are independent and go concurrently; each one is
// started once and shared by the tests that read its output.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandResult } from '../helpers/run-command';

const root = join(import.meta.dirname, '..', '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const VITEST_CONFIG = 'examples/misconfigured/vitest.config.ts';
const NO_GLOBAL_SETUP_CONFIG = 'examples/misconfigured/no-global-setup/vitest.config.ts';
const jestConfig = (example: string): string => `examples/misconfigured/${example}/jest/jest.config.cjs`;

// Nothing of this run's environment leaks into the examples: each starts its own receiver on
// free ports, and only what a case names is set.
const cleanEnv: NodeJS.ProcessEnv = {
  TRACEPROOF_BACKEND: '',
  TRACEPROOF_RECEIVER_URL: '',
  TRACEPROOF_TIMEOUT: '',
  TRACEPROOF_QUIET_WINDOW: undefined,
  TRACEPROOF_OTLP_PORT: '0',
  TRACEPROOF_GRPC_PORT: 'off',
  OTEL_EXPORTER_OTLP_ENDPOINT: '',
  OTEL_BSP_SCHEDULE_DELAY: undefined,
  OTEL_TRACES_SAMPLER: undefined,
  OTEL_TRACES_SAMPLER_ARG: undefined,
};
const RUN_TIMEOUT_MS = 90_000;
// A run may wait its turn behind others: the test's own timeout is only a safety net.
const TEST_TIMEOUT_MS = 240_000;

// Each run is a test runner and a service or two: on a small machine more at once only slows each one.
const MAX_RUNS_AT_ONCE = 4;
let running = 0;
const queue: (() => void)[] = [];
async function inTurn<T>(start: () => Promise<T>): Promise<T> {
  // A finished run hands its slot to the next in the queue.
  if (running >= MAX_RUNS_AT_ONCE) await new Promise<void>((resolve) => queue.push(resolve));
  else running++;
  try {
    return await start();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

const runs = new Map<string, Promise<CommandResult>>();
/** Runs each distinct command once, in turn; the tests that read its output share the result. */
function once(key: string, start: () => Promise<CommandResult>): Promise<CommandResult> {
  let run = runs.get(key);
  if (!run) runs.set(key, (run = inTurn(start)));
  return run;
}

/** `vitest run` on one example's files (a path filter under examples/misconfigured; '' for all the config's files). */
const vitest = (filter: string, env: NodeJS.ProcessEnv = {}, config = VITEST_CONFIG): Promise<CommandResult> =>
  once(`vitest ${config} ${filter} ${JSON.stringify(env)}`, () =>
    runCommand(bin('vitest'), ['run', '--config', config, ...(filter ? [filter] : [])], {
      env: { ...cleanEnv, ...env },
      cwd: root,
      timeoutMs: RUN_TIMEOUT_MS,
    }),
  );

/** `jest` with one example's Jest config. */
const jest = (example: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> =>
  once(`jest ${example} ${JSON.stringify(env)}`, () =>
    runCommand(bin('jest'), ['--config', jestConfig(example)], { env: { ...cleanEnv, ...env }, cwd: root, timeoutMs: RUN_TIMEOUT_MS }),
  );

/** The id in a failure's `Trace <id> · …` line. */
function traceIdOf(output: string): string {
  const id = /Trace ([0-9a-f]{32}) · /.exec(output)?.[1];
  expect(id, output).toBeDefined();
  return id!;
}

/** A failure for a trace of which nothing arrived: the assertion's own, with the empty trace, and no deadline artefacts. */
function expectTruthfulEmptyTrace(output: string): void {
  expect(output).toContain('Received:');
  expect(output).toMatch(/Trace [0-9a-f]{32} · 0 spans/);
  for (const artefact of ['BackendError', 'DOMException', 'Serialized Error', 'did not finish before the trace deadline']) {
    expect(output).not.toContain(artefact);
  }
}

describe.concurrent('evidence: the failure names the misconfiguration', { timeout: TEST_TIMEOUT_MS }, () => {
  it('an ESM service without the import hook: its request arrived, in a trace of its own', async () => {
    const { code, output } = await vitest('uninstrumented-esm/');
    expect(code, output).toBe(1);
    expect(output).toMatch(/received your request but started a new trace/);
    const own = traceIdOf(output);
    const other = /traced by the service as trace ([0-9a-f]{32})/.exec(output)?.[1];
    expect(other, output).toBeDefined();
    expect(other).not.toBe(own);
    expect(output).toContain(`Trace ${own} · 0 spans`);
    // Once in the test's own log line, and again in the evidence.
    expect(output.split(other!).length - 1, output).toBeGreaterThanOrEqual(2);
  });

  it('a proxy that drops traceparent: the service behind it started a new trace', async () => {
    const { code, output } = await vitest('proxy-drops-traceparent/');
    expect(code, output).toBe(1);
    expect(output).toMatch(/received your request but started a new trace/);
  });

  it('a callee seen earlier in the run that reports nothing for a call: the trace is incomplete, and the call is named', async () => {
    const { code, output } = await vitest('silent-callee/known-callee');
    expect(code, output).toBe(1);
    expect(output).toMatch(/Tests\s+1 failed \| 1 passed \(2\)/);
    const back = /back listens at (127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(back, output).toBeDefined();
    expect(output).toContain(`incomplete: the call to ${back} from front never reported a span`);
  });

  it('a callee on this machine that reports nothing all run is waited for, and the failure names the call and how to mark it external', async () => {
    const { code, output } = await vitest('silent-callee/unseen-callee');
    expect(code, output).toBe(1);
    expect(output).toMatch(/Tests\s+1 failed \(1\)/);
    const back = /back listens at (127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(back, output).toBeDefined();
    expect(output).toContain(`the call to ${back} from front`);
    expect(output).toMatch(/outside the system/);
    expect(output).toContain(`configure({ external: ['${back}'] })`);
  });

  it('the same callee declared external: the trace is complete without it, and the test passes', async () => {
    const { code, output } = await vitest('silent-callee/external-callee');
    expect(output).toMatch(/Tests\s+2 passed \(2\)/);
    expect(code, output).toBe(0);
  });

  it("a BatchSpanProcessor's default 5 s delay: the failure names how late the service exports, and the setting", async () => {
    const { code, output } = await vitest('batch-delay/');
    expect(code, output).toBe(1);
    expect(output).toMatch(/Tests\s+1 failed \| 1 passed \(2\)/);
    // In this trace's search window ("exports … after a span ends"), or remembered from earlier in the run ("exported … ended").
    expect(output).toMatch(/service hello export(?:s|ed) [\d.]+ s after a span end.*: its exporter batches/);
    expect(output).toContain('OTEL_BSP_SCHEDULE_DELAY');
  });

  it('an exporter pointed at a closed port: nothing was exported, and the variable to check', async () => {
    const { code, output } = await vitest('wrong-endpoint/');
    expect(code, output).toBe(1);
    expect(output).toMatch(/nothing was exported/);
    expect(output).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('a sampler that is always off: the sampler is named, with the fix', async () => {
    const { code, output } = await vitest('sampler-off/');
    expect(code, output).toBe(1);
    expect(output).toMatch(/sampler/);
    expect(output).toContain('OTEL_TRACES_SAMPLER=parentbased_always_on');
  });

  // Jest without traceproof's environment (in-process instrumentations in the sandbox) is
  // pinned in inprocess.test.ts ("the Jest module-registry trap").

  it('vitest without the global setup: no receiver is running, and the setting that starts one', async () => {
    const { code, output } = await vitest('', {}, NO_GLOBAL_SETUP_CONFIG);
    expect(code, output).toBe(1);
    expect(output).toMatch(/no traceproof receiver is running/);
    expect(output).toContain('globalSetup');
  });

  it('jest without the global setup: no receiver is running, and the setting that starts one', async () => {
    const { code, output } = await jest('no-global-setup');
    expect(code, output).toBe(1);
    expect(output).toMatch(/no traceproof receiver is running/);
    expect(output).toContain('globalSetup');
  });
});

describe.concurrent('truthful failures', { timeout: TEST_TIMEOUT_MS }, () => {
  describe.concurrent('no span arrives by the deadline: the assertion fails as itself, with the empty trace', () => {
    it('vitest, exporter at a closed port', async () => {
      const { code, output } = await vitest('wrong-endpoint/');
      expect(code, output).toBe(1);
      expectTruthfulEmptyTrace(output);
    });

    it('jest, exporter at a closed port', async () => {
      const { code, output } = await jest('wrong-endpoint');
      expect(code, output).toBe(1);
      expect(output).toMatch(/Tests:\s+1 failed, 1 total/);
      expectTruthfulEmptyTrace(output);
    });

    it('vitest, no global setup', async () => {
      const { output } = await vitest('', {}, NO_GLOBAL_SETUP_CONFIG);
      expectTruthfulEmptyTrace(output);
    });

    it('jest, no global setup', async () => {
      const { output } = await jest('no-global-setup');
      expectTruthfulEmptyTrace(output);
    });
  });

  describe.concurrent('TRACEPROOF_TIMEOUT=8s alone gives a trace arriving after ~6 s the time it needs', () => {
    it('vitest (default test timeout 5 s)', async () => {
      const { code, output } = await vitest('late-spans/late-spans', { TRACEPROOF_TIMEOUT: '8s' });
      expect(output).toMatch(/Tests\s+1 passed \(1\)/);
      expect(code, output).toBe(0);
    });

    it('jest (default test timeout 5 s)', async () => {
      const { code, output } = await jest('late-spans', { TRACEPROOF_TIMEOUT: '8s' });
      expect(output).toMatch(/Tests:\s+1 passed, 1 total/);
      expect(code, output).toBe(0);
    });
  });

  describe.concurrent('a trace assertion that is not awaited fails the test, naming the matcher and where it is', () => {
    it('vitest', async () => {
      const { code, output } = await vitest('forgotten-await/');
      expect(code, output).toBe(1);
      expect(output).toMatch(/Tests\s+1 failed \(1\)/);
      expect(output).toContain('was not awaited');
      expect(output).toMatch(/toHaveSpan at .*forgotten-await\.test\.ts:\d+/);
    });

    it('jest, which still prints its summary', async () => {
      const { code, output } = await jest('forgotten-await');
      expect(code, output).toBe(1);
      expect(output).toContain('was not awaited');
      expect(output).toMatch(/toHaveSpan at .*forgotten-await\.test\.cjs:\d+/);
      expect(output).toMatch(/Tests:\s+1 failed, 1 total/);
    });
  });

  it('traceId(id) for a trace started elsewhere, complete and free of errors, passes', async () => {
    const { code, output } = await vitest('trace-started-elsewhere/');
    expect(output).toMatch(/Tests\s+1 passed \(1\)/);
    expect(code, output).toBe(0);
  });

  it('a negative verdict on a trace that has not settled by the deadline fails, saying it could not be confirmed', async () => {
    const { code, output } = await vitest('late-spans/unsettled');
    expect(code, output).toBe(1);
    expect(output).toMatch(/could not be confirmed: the trace had not settled/);
  });
});

describe('truthful failures: a backend that really fails still gives a BackendError naming the cause', () => {
  const servers: Server[] = [];
  let failing: string;
  let garbage: string;
  let refused: string;

  const listen = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    failing = await listen((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
    garbage = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('this is not json {');
    });
    // A port that was free a moment ago: listen, note it, close.
    refused = await listen(() => {});
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it.concurrent.each([
    ['refusing connections', () => `otlp+${refused}`, /ECONNREFUSED|refused/],
    ['answering 500', () => `jaeger+${failing}`, /HTTP 500/],
    ['answering something that is not JSON', () => `tempo+${garbage}`, /not JSON/],
  ])('a backend %s', { timeout: TEST_TIMEOUT_MS }, async (_what, spec, cause) => {
    const { code, output } = await vitest('backend-failure/', { TRACEPROOF_BACKEND: spec() });
    expect(code, output).toBe(1);
    expect(output).toMatch(/BackendError|\[traceproof\] \[(otlp|jaeger|tempo)[^\]]*\]/);
    expect(output).toMatch(cause);
  });
});
