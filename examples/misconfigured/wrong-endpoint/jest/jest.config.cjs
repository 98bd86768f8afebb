module.exports = require('../../lib/jest-config.cjs')(__dirname);
