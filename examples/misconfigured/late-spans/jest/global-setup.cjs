// The receiver, then worker, whose background job span arrives ~6 s after the request.
module.exports = require('../../lib/jest-services.cjs').globalSetupStarting(async () => [
  { name: 'worker', script: 'late-spans/worker.mjs' },
]);
