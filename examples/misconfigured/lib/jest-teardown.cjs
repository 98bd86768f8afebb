module.exports = require('./jest-services.cjs').globalTeardown;
