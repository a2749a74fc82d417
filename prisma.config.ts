import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI wants a native schema engine it downloads from a host this project cannot rely
// on; `prisma generate` only needs the variable to name an existing file. Migrations go through
// the project's own command (packages/db, on the engine's WebAssembly build): `npm run db:migrate`.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'packages', 'db', 'package.json');

export default defineConfig({
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma', 'migrations') },
  datasource: {
    // Not env(): it throws when the variable is unset, failing even `generate`.
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/madoguchi',
  },
});
