// hello, exporting where a receiver would be if one ran: a port nobody listens on. No traceproof receiver.
module.exports = require('../../lib/jest-services.cjs').globalSetupStarting(
  async ({ closedPort }) => [
    { name: 'hello', script: 'lib/hello.mjs', env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${await closedPort()}` } },
  ],
  { receiver: false },
);
