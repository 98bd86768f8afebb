import { inProcessBackend } from '../../../adapters/resolve-backend';
import { installTracerProvider } from '../../in-process/install-tracer-provider';
import { offeredTracing } from '../../in-process/shared-tracing';
import { processGlobal } from '../../util/process-global';

type Uninstall = () => Promise<void>;
const installed = processGlobal<Uninstall>('installed');

/**
 * Prepares this realm once: a tracer provider handing spans to traceproof (the one the host
 * realm offers under Jest's traceproof environment, else a new one, unless the realm registered
 * its own) and the in-process span store. Returns the undo function.
 */
export function installTraceproof(): Uninstall {
  return installed.getOrSet(() => {
    const provider = installTracerProvider(undefined, offeredTracing());
    inProcessBackend();
    return async () => {
      installed.clear();
      await provider.shutdown();
    };
  });
}
