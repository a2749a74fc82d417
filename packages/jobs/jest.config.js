module.exports = {
  ...require('../../jest.preset.js'),
  // The files share the run's database and start an API process each: one at a time.
  maxWorkers: 1,
  globalSetup: '@madoguchi/devstack/jest-global-setup',
  globalTeardown: '@madoguchi/devstack/jest-global-teardown',
};
