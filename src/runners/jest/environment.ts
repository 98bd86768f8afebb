import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import NodeEnvironment from 'jest-environment-node';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { installTracerProvider, type Tracing } from '../../in-process/install-tracer-provider';
import { offerTracing } from '../../in-process/shared-tracing';
import { TraceproofError } from '../../errors';

/** `testEnvironmentOptions.traceproof` */
export interface TraceproofEnvironmentOptions {
  /**
   * Modules that register OpenTelemetry instrumentations, loaded once per worker outside the
   * test sandbox, where they can patch the modules your code really uses. Relative to rootDir.
   */
  instrument?: string | readonly string[];
}

let hostTracing: Tracing | undefined;
const loaded = new Set<string>();

function tracingOfHost(): Tracing {
  if (!hostTracing) {
    const installed = installTracerProvider();
    if (!installed.tracing) {
      throw new TraceproofError(
        'The traceproof Jest environment found a tracer provider already registered in the worker. Remove the other registration, or add TraceproofSpanProcessor to it and use the plain node environment.',
      );
    }
    hostTracing = installed.tracing;
  }
  return hostTracing;
}

function loadInstrumentation(rootDir: string, options: TraceproofEnvironmentOptions | undefined): void {
  const modules = options?.instrument === undefined ? [] : ([] as string[]).concat(options.instrument);
  const requireFromRoot = createRequire(join(rootDir, 'package.json'));
  for (const module of modules) {
    const path = module.startsWith('.') && !isAbsolute(module) ? join(rootDir, module) : module;
    if (loaded.has(path)) continue;
    requireFromRoot(path);
    loaded.add(path);
  }
}

/**
 * Jest's node environment, with OpenTelemetry set up outside the test sandbox. Jest gives every
 * test file its own module registry, and instrumentations registered inside it patch copies of
 * modules your code never calls (jest#15033). Here they are loaded once per worker, in the
 * host, and every test file's sandbox shares the host's tracer provider and context manager.
 * @example testEnvironment: 'traceproof/jest/environment', testEnvironmentOptions: { traceproof: { instrument: './test/instrument.cjs' } }
 */
export default class TraceproofEnvironment extends NodeEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const tracing = tracingOfHost();
    const options = config.projectConfig.testEnvironmentOptions?.traceproof as TraceproofEnvironmentOptions | undefined;
    loadInstrumentation(config.projectConfig.rootDir, options);
    offerTracing(this.global, tracing);
  }
}
