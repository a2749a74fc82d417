module.exports = {
  ...require('../../jest.preset.js'),
  // The integration files share the run's database and its demo users; one at a time.
  maxWorkers: 1,
  globalSetup: '@madoguchi/devstack/jest-global-setup',
  globalTeardown: '@madoguchi/devstack/jest-global-teardown',
};
