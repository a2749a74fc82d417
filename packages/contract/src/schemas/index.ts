// The contract as zod schemas: the requests the API accepts and the answers it gives. The API
// parses requests with them and builds its OpenAPI document from them; its tests check every
// answer against them. The console reads the types (`@madoguchi/contract`), not these.
//
// Each request has two types: `…Body`, what a caller sends (z.input), and `…Request`, what the
// API reads once the schema has parsed it (z.output: widths folded, postal codes hyphenated,
// defaults filled in).
export * from './fields';
export * from './cases';
export * from './replies';
export * from './letters';
export * from './print-runs';
export * from './users';
export * from './offices';
export * from './residents';
export * from './answers';
export * from './platform';
