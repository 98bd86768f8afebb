// Registers the official HTTP instrumentation as a user's instrumentation module would. The
// traceproof Jest environment loads it once per worker, outside the test sandbox, where it can
// patch the node:http that the in-process servers of these tests really use.
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
require('node:http');
