import { installTracerProvider } from '../../in-process/install-tracer-provider';
import { offeredTracing } from '../../in-process/shared-tracing';
import { inProcessBackend } from '../../../adapters/resolve-backend';

const INSTALLED = Symbol.for('traceproof.installed');
type Holder = { [INSTALLED]?: Promise<void> | (() => Promise<void>) };

/**
 * Prepares this realm once: a tracer provider handing spans to traceproof (the one the host
 * realm offers under Jest's traceproof environment, else a new one, unless the realm registered
 * its own) and the in-process span store. Returns the undo function.
 */
export function installTraceproof(): () => Promise<void> {
  const holder = globalThis as Holder;
  const existing = holder[INSTALLED];
  if (typeof existing === 'function') return existing;
  const provider = installTracerProvider(undefined, offeredTracing());
  inProcessBackend();
  const uninstall = async (): Promise<void> => {
    holder[INSTALLED] = undefined;
    await provider.shutdown();
  };
  holder[INSTALLED] = uninstall;
  return uninstall;
}
