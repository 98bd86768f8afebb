// The mistake: traceproof/jest/global-setup is left out, so no receiver runs. (This global
// setup only starts the example's service.)
module.exports = require('../../lib/jest-config.cjs')(__dirname);
