// Shared jest settings for every workspace (each has a jest.config.js that spreads this).
// TypeScript goes through SWC, which keeps decorator metadata for NestJS. NestJS 12 and a few of
// its dependencies ship ES modules only; jest on Node 20 loads them only once transformed.
const esmOnly = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit', '@prisma/schema-engine-wasm'];

// The test tiers (README, "Tests"): TEST_TIER=unit runs the pure tests (no PostgreSQL or Redis
// needed: the global set-ups stand aside), int the integration tests against real servers, e2e
// the browser journeys; unset, those three. TEST_TIER=system runs what needs the machine's own
// servers and tools (a restore drill with its pg_dump, a Redis of its own): `npm run test:system`,
// which CI runs after `npm test`.
const TIERS = {
  unit: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  int: ['<rootDir>/src/**/*.int-spec.ts'],
  e2e: ['<rootDir>/src/**/*.e2e-spec.ts'],
  system: ['<rootDir>/src/**/*.system-spec.ts'],
};
const DEFAULT_TIERS = ['unit', 'int', 'e2e'];
const tier = process.env.TEST_TIER;
if (tier !== undefined && !(tier in TIERS))
  throw new Error(`TEST_TIER must be one of ${Object.keys(TIERS).join(', ')} (or unset for all but system), not "${tier}"`);

module.exports = {
  testEnvironment: 'node',
  testMatch: tier ? TIERS[tier] : DEFAULT_TIERS.flatMap((t) => TIERS[t]),
  // A workspace with no test of the tier asked for passes.
  passWithNoTests: true,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Generated Prisma code imports its siblings as `./x.js`; jest resolves the `.ts` source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  // Integration tests talk to real servers; give them room on a loaded 2-core machine.
  testTimeout: 30000,
  // A client disconnected while Redis is down (the outage tests) lets its last reconnect timer
  // run out, up to 2 s, after the suite ends; warn about open handles only beyond that.
  openHandlesTimeout: 3000,
};
