// Run with TRACEPROOF_TIMEOUT=8s and nothing else: Jest's default 5 s test timeout stays.
module.exports = require('../../lib/jest-config.cjs')(__dirname);
