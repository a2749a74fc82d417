const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  testMatch: [...preset.testMatch, '<rootDir>/src/**/*.e2e-spec.ts'],
  // The browser journeys share one database, API, worker and console: one file at a time.
  maxWorkers: 1,
  globalSetup: '@madoguchi/devstack/dist/testing/global-setup.js',
  globalTeardown: '@madoguchi/devstack/dist/testing/global-teardown.js',
};
