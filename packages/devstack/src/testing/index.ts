// What the test suites of the apps and packages take from the devstack: the real processes, the
// counter that registers cases through them, and a Redis that can be cut.
export * from './services';
export * from './counter';
export { RedisCutter } from './redis-cutter';
export * from './chromium';
export { API_NODE_FLAGS } from '../node-flags';
