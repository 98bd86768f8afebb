// Registers the official HTTP and undici (fetch) instrumentations, as a user's test setup
// would. Requiring node:http afterwards lets the HTTP instrumentation patch the module even
// when test code imports it as ESM.
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici');

registerInstrumentations({ instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()] });
require('node:http');
