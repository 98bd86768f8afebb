import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import jestGlobalSetup from '../../src/runners/jest/global-setup';
import jestGlobalTeardown from '../../src/runners/jest/global-teardown';
import { startSharedReceiver } from '../../src/receiver/shared-receiver';
import vitestGlobalSetup from '../../src/runners/vitest/global-setup';
import { json, send } from './support/http';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function busyPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const ephemeral = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  TRACEPROOF_OTLP_PORT: '0',
  TRACEPROOF_GRPC_PORT: '0',
  ...extra,
});

describe('startSharedReceiver', () => {
  it('publishes the query URL and the OTLP endpoint, and takes them back on stop', async () => {
    const env = ephemeral();
    const { receiver, stop } = await startSharedReceiver({ env });
    expect(env.TRACEPROOF_RECEIVER_URL).toBe(receiver.queryUrl);
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(receiver.otlpHttpUrl);
    expect(receiver.grpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(json(await send(`${env.TRACEPROOF_RECEIVER_URL}/health`))).toMatchObject({ status: 'ok' });
    await stop();
    expect(env).toEqual(ephemeral());
  });

  it("leaves the user's OTEL_EXPORTER_OTLP_ENDPOINT alone, and points gRPC users at gRPC", async () => {
    const mine = ephemeral({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    const first = await startSharedReceiver({ env: mine });
    expect(mine.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    await first.stop();
    expect(mine.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');

    const grpc = ephemeral({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' });
    const second = await startSharedReceiver({ env: grpc });
    expect(grpc.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(second.receiver.grpcUrl);
    await second.stop();
  });

  it('shares one receiver between starts, and stops it with the last stop', async () => {
    const env = ephemeral();
    const first = await startSharedReceiver({ env });
    const second = await startSharedReceiver({ env });
    expect(second.receiver).toBe(first.receiver);
    await first.stop();
    await first.stop();
    expect((await send(`${first.receiver.queryUrl}/health`)).status).toBe(200);
    await second.stop();
    await expect(send(`${first.receiver.queryUrl}/health`)).rejects.toThrow();
  });

  it('serves no gRPC with TRACEPROOF_GRPC_PORT=off', async () => {
    const { receiver, stop } = await startSharedReceiver({ env: ephemeral({ TRACEPROOF_GRPC_PORT: 'off' }) });
    expect(receiver.grpcUrl).toBeUndefined();
    await stop();
  });

  it('says which variable to set when a port is taken', async () => {
    const http = await busyPort();
    await expect(startSharedReceiver({ env: ephemeral({ TRACEPROOF_OTLP_PORT: String(http) }) })).rejects.toThrow(
      `[traceproof] [receiver] Port ${http} on 127.0.0.1 is in use, so the traceproof receiver cannot take OTLP/HTTP there (is an OpenTelemetry Collector or another test run listening?). Set TRACEPROOF_OTLP_PORT to a free port, or to 0 for any free port.`,
    );
    const grpc = await busyPort();
    await expect(startSharedReceiver({ env: ephemeral({ TRACEPROOF_GRPC_PORT: String(grpc) }) })).rejects.toThrow(
      /Port \d+ on 127\.0\.0\.1 is in use, so the traceproof receiver cannot take OTLP\/gRPC there .* Set TRACEPROOF_GRPC_PORT to a free port, or to 0 for any free port, or to off to serve no gRPC\./,
    );
    // The HTTP port it opened before gRPC failed is free again: a second try with other ports works.
    const { stop } = await startSharedReceiver({ env: ephemeral() });
    await stop();
  });

  it('refuses a port variable that is not a port', async () => {
    await expect(startSharedReceiver({ env: ephemeral({ TRACEPROOF_OTLP_PORT: 'http://x' }) })).rejects.toThrow(
      'TRACEPROOF_OTLP_PORT must be a port number from 0 to 65535 (0 for any free port), got "http://x".',
    );
  });
});

describe('global setup entry points', () => {
  const keys = [
    'TRACEPROOF_OTLP_PORT',
    'TRACEPROOF_GRPC_PORT',
    'TRACEPROOF_RECEIVER_URL',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_PROTOCOL',
  ];
  let saved: Record<string, string | undefined> = {};
  afterEach(() => {
    for (const key of keys) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });
  const useEphemeralPorts = (): void => {
    saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
    for (const key of keys) delete process.env[key];
    Object.assign(process.env, ephemeral());
  };

  it('Vitest: the default export starts the receiver and returns its teardown', async () => {
    useEphemeralPorts();
    const teardown = await vitestGlobalSetup();
    const url = process.env.TRACEPROOF_RECEIVER_URL!;
    expect(json(await send(`${url}/health`))).toMatchObject({ status: 'ok' });
    await teardown();
    expect(process.env.TRACEPROOF_RECEIVER_URL).toBeUndefined();
    await expect(send(`${url}/health`)).rejects.toThrow();
  });

  it('Jest: global setup starts it, global teardown stops it', async () => {
    useEphemeralPorts();
    await jestGlobalSetup();
    const url = process.env.TRACEPROOF_RECEIVER_URL!;
    expect(process.env.OTEL_EXPORTER_OTLP_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(json(await send(`${url}/health`))).toMatchObject({ status: 'ok' });
    await jestGlobalTeardown();
    expect(process.env.TRACEPROOF_RECEIVER_URL).toBeUndefined();
    await expect(send(`${url}/health`)).rejects.toThrow();
  });
});
