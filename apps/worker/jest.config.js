module.exports = {
  ...require('../../jest.preset.js'),
  // The files share the run's database and queue, and start worker processes that take whatever
  // is in the outbox: one file at a time.
  maxWorkers: 1,
  globalSetup: '@madoguchi/devstack/dist/testing/global-setup.js',
  globalTeardown: '@madoguchi/devstack/dist/testing/global-teardown.js',
};
