module.exports = {
  ...require('../../jest.preset.js'),
  // The integration files share the run's database and its demo users; one at a time.
  maxWorkers: 1,
  globalSetup: '@madoguchi/devstack/dist/testing/global-setup.js',
  globalTeardown: '@madoguchi/devstack/dist/testing/global-teardown.js',
};
