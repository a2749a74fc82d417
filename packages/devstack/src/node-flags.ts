/**
 * How the API's Node runs wherever it is started: `npm start`, the tests that start it, the
 * benches, and its own `start` script (node-flags.spec.ts keeps them the same). V8's old space is
 * capped at 128 MB: the API's live heap under load is about 80 MB, and left to itself V8 lets
 * garbage pile up to 250 MB before collecting it (bench/README.md, "Memory").
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-old-space-size=128'];
