const jestConfig = require('../../lib/jest-config.cjs');

module.exports = jestConfig(__dirname, { globalSetup: jestConfig.traceproofSetup });
