import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { otlpReceiverBackend } from '../../adapters/otlp';
import { BackendError } from '../../src/errors';
import { startReceiver, type Receiver } from '../../src/receiver/start-receiver';
import { createExporter } from '../receiver/support/exporters';
import { makeSpan, traceIdOf } from '../receiver/support/make-span';
import { FULL_CAPABILITIES, runBackendContract } from './contract';

const receiver: Receiver = await startReceiver({ grpcPort: 0 });
afterAll(() => receiver.close());

for (const kind of ['proto', 'json', 'grpc'] as const) {
  runBackendContract({
    name: `traceproof receiver (${kind})`,
    availability: { available: true, url: receiver.queryUrl },
    backend: () => otlpReceiverBackend({ url: receiver.queryUrl }),
    exporter: () => createExporter(kind, kind === 'grpc' ? receiver.grpcUrl! : receiver.otlpTracesUrl),
    capabilities: FULL_CAPABILITIES,
  });
}

const signal = (): AbortSignal => new AbortController().signal;

describe('otlpReceiverBackend', () => {
  const backend = otlpReceiverBackend({ url: receiver.queryUrl });
  afterAll(() => backend.close());

  it('is named otlp and returns the spans the receiver has, [] for an unknown trace', async () => {
    receiver.store.add([makeSpan('a', 1), makeSpan('a', 2)]);
    expect(backend.name).toBe('otlp');
    expect(await backend.fetchTrace(traceIdOf('a'), signal())).toEqual(receiver.store.get(traceIdOf('a')).spans);
    expect(await backend.fetchTrace(traceIdOf('9'), signal())).toEqual([]);
  });

  it('accepts the OTLP/HTTP base URL as well as the query URL', async () => {
    const fromBase = otlpReceiverBackend({ url: `${receiver.otlpHttpUrl}/` });
    expect(await fromBase.fetchTrace(traceIdOf('a'), signal())).toHaveLength(2);
    await fromBase.close();
  });

  it('reads the URL from TRACEPROOF_RECEIVER_URL, and says how to set it up when it is missing', async () => {
    vi.stubEnv('TRACEPROOF_RECEIVER_URL', receiver.queryUrl);
    try {
      const fromEnv = otlpReceiverBackend();
      expect(await fromEnv.fetchTrace(traceIdOf('a'), signal())).toHaveLength(2);
      await fromEnv.close();
      vi.stubEnv('TRACEPROOF_RECEIVER_URL', '');
      expect(() => otlpReceiverBackend()).toThrow(
        /Missing required option `url`, and TRACEPROOF_RECEIVER_URL is not set\. Is the global setup configured\?/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('waitForChange: -1 answers the current version at once, a higher one waits for the next export', async () => {
    const id = traceIdOf('b');
    expect(await backend.waitForChange!(id, -1, signal())).toBe(0);
    const waiting = backend.waitForChange!(id, 0, signal());
    await vi.waitFor(() => expect(receiver.store.waiterCount).toBe(1));
    receiver.store.add([makeSpan('b', 1)]);
    const version = await waiting;
    expect(version).toBe(receiver.store.version(id));
    expect(await backend.waitForChange!(id, -1, signal())).toBe(version);
  });

  it('waitForChange keeps waiting across the receiver cutting its long-poll short', async () => {
    const short = await startReceiver({ maxWaitMs: 1 });
    const polling = otlpReceiverBackend({ url: short.queryUrl });
    try {
      const polls = vi.spyOn(short.store, 'waitForChange');
      const waiting = polling.waitForChange!(traceIdOf('c'), 0, signal());
      let settled = false;
      void waiting.then(() => (settled = true));
      // Each cut-short poll comes back with version 0 and is sent again; none resolves the wait.
      await vi.waitFor(() => expect(polls.mock.calls.length).toBeGreaterThanOrEqual(3));
      expect(settled).toBe(false);
      short.store.add([makeSpan('c', 1)]);
      expect(await waiting).toBe(short.store.version(traceIdOf('c')));
    } finally {
      await polling.close();
      await short.close();
    }
  });

  it('waitForChange rejects with the abort reason, and the receiver lets go of the waiter', async () => {
    const controller = new AbortController();
    const waiting = backend.waitForChange!(traceIdOf('d'), 0, controller.signal);
    await vi.waitFor(() => expect(receiver.store.waiterCount).toBe(1));
    const reason = new Error('trace deadline');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await vi.waitFor(() => expect(receiver.store.waiterCount).toBe(0));
    await expect(backend.fetchTrace(traceIdOf('d'), AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});

describe('otlpReceiverBackend failures', () => {
  let other: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not the receiver</h1>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    other = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
  });
  afterAll(() => other.close());

  it('says the receiver is unreachable, and how to configure the global setup', async () => {
    const gone = await startReceiver();
    await gone.close();
    const error = (await otlpReceiverBackend({ url: gone.queryUrl })
      .fetchTrace(traceIdOf('a'), signal())
      .catch((e: unknown) => e)) as BackendError;
    expect(error).toBeInstanceOf(BackendError);
    expect(error.message).toBe(
      `[traceproof] [otlp] Could not reach the traceproof receiver at ${gone.queryUrl}: connection refused. Is the global setup configured? Add globalSetup: ['traceproof/vitest/global-setup'] to the test options of your Vitest config (Jest: globalSetup: 'traceproof/jest/global-setup' and globalTeardown: 'traceproof/jest/global-teardown').`,
    );
    expect(error.cause).toBeDefined();
  });

  it('says so when another server answers', async () => {
    const error = (await otlpReceiverBackend({ url: other.url })
      .fetchTrace(traceIdOf('a'), signal())
      .catch((e: unknown) => e)) as BackendError;
    expect(error).toBeInstanceOf(BackendError);
    expect(error.message).toContain(
      `answered ${other.url}/traceproof/v1/traces/${traceIdOf('a')} with HTTP 404: "<h1>Not the receiver</h1>"`,
    );
    expect(error.message).toContain('TRACEPROOF_RECEIVER_URL');
  });

  it('passes on the reason for a bad trace id', async () => {
    await expect(otlpReceiverBackend({ url: receiver.queryUrl }).fetchTrace('nope', signal())).rejects.toThrow(
      /HTTP 400: "Trace id must be 32 hex characters, got \\"nope\\""/,
    );
  });

  it('refuses a URL that is not one', () => {
    expect(() => otlpReceiverBackend({ url: 'localhost:4318' })).toThrow(BackendError);
    expect(() => otlpReceiverBackend({ url: 'not a url' })).toThrow('Option `url` is not a URL');
  });
});
