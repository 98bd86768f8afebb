// Jest test files run in a sandbox that cannot import ESM, so the Jest examples start their
// services in a global setup (outside the sandbox) and read their URLs from the environment,
// which Jest workers inherit: MISCONF_<NAME>_URL, e.g. MISCONF_HELLO_URL.
const traceproofSetup = require('traceproof/jest/global-setup');
const traceproofTeardown = require('traceproof/jest/global-teardown');

const envName = (name) => `MISCONF_${name.toUpperCase().replace(/-/g, '_')}_URL`;

/**
 * A Jest global setup that starts traceproof's receiver (unless `receiver: false`: the mistake
 * of one example) and then the services `specs(helpers)` lists (see lib/services.mjs).
 */
function globalSetupStarting(specs, { receiver = true } = {}) {
  return async function globalSetup(globalConfig, projectConfig) {
    if (receiver) await (traceproofSetup.default ?? traceproofSetup)(globalConfig, projectConfig);
    const helpers = await import('./services.mjs');
    const started = await helpers.startServices(await specs(helpers));
    // Jest runs the global teardown in this same process: it finds them here.
    globalThis.__MISCONF_SERVICES__ = started;
    for (const service of started) process.env[envName(service.name)] = service.url;
  };
}

/** Stops what globalSetupStarting started. */
async function globalTeardown(globalConfig, projectConfig) {
  await Promise.all((globalThis.__MISCONF_SERVICES__ ?? []).map((service) => service.stop()));
  await (traceproofTeardown.default ?? traceproofTeardown)(globalConfig, projectConfig);
}

module.exports = { globalSetupStarting, globalTeardown };
