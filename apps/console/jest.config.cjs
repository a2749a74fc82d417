const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  // The browser journeys share one database, API, worker and console: one file at a time.
  maxWorkers: 1,
  globalSetup: '@madoguchi/devstack/jest-global-setup',
  globalTeardown: '@madoguchi/devstack/jest-global-teardown',
};
