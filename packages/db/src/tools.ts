// The database's tools, for `npm start`, the migrate command and the tests: migrations (Prisma's
// WebAssembly schema engine), the default server (embedded PostgreSQL), database administration
// and the demo seed (argon2). Kept out of the main entry so the API and the worker do not load
// them at run time.
export { deployMigrations, migrationStatus, pendingSchemaChanges, createMigration } from './migrations/migrator';
export { resolveDatabaseUrl, resolveMigrationDatabaseUrl, startEmbeddedPostgres, type ResolvedDatabase } from './server/default-server';
export { ensureDatabase, dropDatabase, createDatabase, databaseExists, serverAnswers, ensureLocalAppRole } from './server/admin';
export { seedDemoData, DEMO_MUNICIPALITY, DEMO_USERNAMES } from './seed';
