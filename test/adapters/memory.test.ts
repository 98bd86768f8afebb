import { memoryBackend } from '../../adapters/memory';
import { TraceproofSpanProcessor } from '../../src/in-process/traceproof-span-processor';
import { FULL_CAPABILITIES, runBackendContract } from './contract';

// The in-process backend: each service's tracer provider hands its ended spans to
// TraceproofSpanProcessor, which publishes them on the process-wide channel that memoryBackend
// reads. No exporter and no server: the spans never leave this process.
runBackendContract({
  name: 'in-process memory backend',
  backend: () => memoryBackend(),
  spanProcessor: () => new TraceproofSpanProcessor(),
  capabilities: FULL_CAPABILITIES,
});
