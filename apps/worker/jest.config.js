module.exports = {
  ...require('../../jest.preset.js'),
  globalSetup: '@madoguchi/devstack/dist/testing/global-setup.js',
  globalTeardown: '@madoguchi/devstack/dist/testing/global-teardown.js',
};
