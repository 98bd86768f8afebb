// The deliberately failing examples: run them to see what a failing trace assertion prints.
module.exports = { ...require('./jest.config.cjs'), testMatch: ['<rootDir>/failing/*.test.cjs'] };
