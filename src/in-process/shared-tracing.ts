import { processGlobal } from '../util/process-global';
import type { Tracing } from './install-tracer-provider';

/** Hands a realm's tracing to a sandbox realm (Jest's test context) through its global object. */
export function offerTracing(sandboxGlobal: object, tracing: Tracing): void {
  processGlobal<Tracing>('sharedTracing', sandboxGlobal).set(tracing);
}

/** The tracing the host realm offered this one, if any. */
export function offeredTracing(): Tracing | undefined {
  return processGlobal<Tracing>('sharedTracing').get();
}
