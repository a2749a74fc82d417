module.exports = {
  ...require('../../jest.preset.js'),
  // The files share the run's database and queue, and start worker processes that take whatever
  // is in the outbox: one file at a time.
  maxWorkers: 1,
  globalSetup: '@madoguchi/devstack/jest-global-setup',
  globalTeardown: '@madoguchi/devstack/jest-global-teardown',
};
