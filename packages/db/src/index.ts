export { createDatabaseClient, type Database } from './client';
export * from './generated/prisma/client';
export { deployMigrations, migrationStatus, pendingSchemaChanges, createMigration } from './migrations/migrator';
export { resolveDatabaseUrl, startEmbeddedPostgres, type ResolvedDatabase } from './server/default-server';
export { ensureDatabase, dropDatabase, createDatabase, databaseExists, serverAnswers } from './server/admin';
export { withDatabase, databaseName, redactUrl } from './server/urls';
export { seedDemoData, DEMO_USERNAMES } from './seed';
export { dateColumn, dayOf } from './date-columns';
