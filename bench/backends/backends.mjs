// The real trace stores the bench measures: where to query them, where to send spans, with
// which exporter, and the version that scripts/backends/lib.sh installs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { jaegerBackend } from 'traceproof/adapters/jaeger';
import { tempoBackend } from 'traceproof/adapters/tempo';
import { zipkinBackend } from 'traceproof/adapters/zipkin';
import { wholeMicrosecondExporter } from './whole-microsecond-exporter.mjs';

const require = createRequire(import.meta.url);
/** The installed version of a package, read from its package.json (not every package exports it). */
function packageVersion(name) {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (manifest.name === name) return manifest.version;
  }
  return 'unknown';
}
const trimSlash = (url) => url.replace(/\/+$/, '');
const fromEnv = (name, fallback) => ({ url: trimSlash(process.env[name] || fallback), fromEnv: Boolean(process.env[name]) });

const OTLP_PROTO = `@opentelemetry/exporter-trace-otlp-proto ${packageVersion('@opentelemetry/exporter-trace-otlp-proto')} (OTLP/HTTP protobuf)`;
const ZIPKIN = `@opentelemetry/exporter-zipkin ${packageVersion('@opentelemetry/exporter-zipkin')} (Zipkin v2 JSON), start times rounded to whole µs`;

/** Each backend as the bench uses it; urls from the env vars start.sh prints, else its default ports. */
export function describeBackends() {
  const jaeger = fromEnv('TRACEPROOF_JAEGER_URL', 'http://127.0.0.1:16686');
  const jaegerOtlp = fromEnv('TRACEPROOF_JAEGER_OTLP_URL', 'http://127.0.0.1:14318');
  const zipkin = fromEnv('TRACEPROOF_ZIPKIN_URL', 'http://127.0.0.1:9411');
  const tempo = fromEnv('TRACEPROOF_TEMPO_URL', 'http://127.0.0.1:3200');
  const tempoOtlp = fromEnv('TRACEPROOF_TEMPO_OTLP_URL', 'http://127.0.0.1:24318');
  return [
    {
      name: 'jaeger',
      queryUrl: jaeger,
      ingestUrl: `${jaegerOtlp.url}/v1/traces`,
      healthPath: '/api/services',
      backend: () => jaegerBackend({ url: jaeger.url }),
      exporter: () => new OTLPTraceExporter({ url: `${jaegerOtlp.url}/v1/traces` }),
      exporterLabel: OTLP_PROTO,
      version: () => installedVersion('JAEGER'),
    },
    {
      name: 'zipkin',
      queryUrl: zipkin,
      ingestUrl: `${zipkin.url}/api/v2/spans`,
      healthPath: '/health',
      backend: () => zipkinBackend({ url: zipkin.url }),
      // OpenTelemetry's JS Zipkin exporter writes fractional-microsecond timestamps for starts
      // with sub-µs digits, which Zipkin 3 rejects (HTTP 400): see whole-microsecond-exporter.mjs.
      exporter: () => wholeMicrosecondExporter(new ZipkinExporter({ url: `${zipkin.url}/api/v2/spans` })),
      exporterLabel: ZIPKIN,
      version: async () => {
        const reported = await fetchJson(`${zipkin.url}/info`).then(
          (info) => info?.zipkin?.version,
          () => undefined,
        );
        return `${installedVersion('ZIPKIN')}${reported ? ` (server reports ${reported})` : ''}`;
      },
    },
    {
      name: 'tempo',
      queryUrl: tempo,
      ingestUrl: `${tempoOtlp.url}/v1/traces`,
      healthPath: '/ready',
      backend: () => tempoBackend({ url: tempo.url }),
      exporter: () => new OTLPTraceExporter({ url: `${tempoOtlp.url}/v1/traces` }),
      exporterLabel: OTLP_PROTO,
      version: () => installedVersion('TEMPO'),
    },
  ];
}

/** Whether the query API answers its health path; a reason when it does not. */
export async function checkReachable(spec) {
  const url = spec.queryUrl.url + spec.healthPath;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    if (!response.ok) return `${url} answered HTTP ${response.status}`;
    return undefined;
  } catch (error) {
    return `${url} does not answer (${error?.cause?.code ?? error?.cause?.errors?.[0]?.code ?? error?.message ?? error})`;
  }
}

/** The version scripts/backends/lib.sh installs (TRACEPROOF_<NAME>_VERSION overrides it there too). */
function installedVersion(name) {
  const override = process.env[`TRACEPROOF_${name}_VERSION`];
  if (override) return `${override} (TRACEPROOF_${name}_VERSION)`;
  const lib = readFileSync(new URL('../../scripts/backends/lib.sh', import.meta.url), 'utf8');
  const match = new RegExp(`^${name}_VERSION="\\$\\{TRACEPROOF_${name}_VERSION:-([^}]+)\\}"`, 'm').exec(lib);
  if (!match) return 'unknown (not found in scripts/backends/lib.sh)';
  // lib.sh notes which release a Go module tag is ("v1.76.0 is the commit tagged v2.13.0").
  const release = new RegExp(`${match[1].replace(/\./g, '\\.')} is the commit tagged (v\\d+(?:\\.\\d+)*)`).exec(lib);
  return `${match[1]}${release ? ` (= release ${release[1]})` : ''} (scripts/backends/lib.sh)`;
}

async function fetchJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok ? response.json() : undefined;
}

export const sdkLabel = () =>
  `@opentelemetry/sdk-trace-base ${packageVersion('@opentelemetry/sdk-trace-base')}, @opentelemetry/api ${packageVersion('@opentelemetry/api')}`;
