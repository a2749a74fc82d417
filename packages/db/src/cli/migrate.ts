#!/usr/bin/env node
/**
 * The project's migrate command (Prisma's CLI needs a native engine that cannot be downloaded
 * here). Usage: migrate deploy | status | check | create <name>. Runs as the tables' owner:
 * DATABASE_MIGRATE_URL, else DATABASE_URL, else the same default server as `npm start`.
 */
import { explainEngineError } from '../migrations/engine';
import { createMigration, deployMigrations, migrationStatus, pendingSchemaChanges } from '../migrations/migrator';
import { ensureDatabase } from '../server/admin';
import { resolveMigrationDatabaseUrl } from '../server/default-server';
import { redactUrl } from '../server/urls';

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const { url, stop } = await resolveMigrationDatabaseUrl();
  try {
    await ensureDatabase(url);
    const options = { databaseUrl: url };
    switch (command) {
      case 'deploy': {
        const applied = await deployMigrations(options);
        console.log(applied.length ? `Applied ${applied.join(', ')} to ${redactUrl(url)}` : `${redactUrl(url)} is up to date.`);
        return 0;
      }
      case 'status': {
        const status = await migrationStatus(options);
        console.log(JSON.stringify(status, null, 2));
        return status.history || status.failedMigrationNames.length || status.editedMigrationNames.length ? 1 : 0;
      }
      case 'check': {
        const sql = await pendingSchemaChanges(options);
        if (!sql) {
          console.log('The committed migrations match prisma/schema.prisma.');
          return 0;
        }
        console.error(`prisma/schema.prisma has changes no migration holds; run: npm run db:migration:create -- <name>\n${sql}`);
        return 1;
      }
      case 'create': {
        if (!name) throw new Error('Usage: npm run db:migration:create -- <name>');
        const created = await createMigration({ ...options, name });
        console.log(created ? `Created and applied prisma/migrations/${created}` : 'No schema change: no migration created.');
        return 0;
      }
      default:
        console.error('Usage: migrate deploy | status | check | create <name>');
        return 2;
    }
  } finally {
    await stop();
  }
}

// An engine panic surfaces asynchronously, outside the awaited call.
process.on('uncaughtException', (error) => {
  console.error(explainEngineError(error).message);
  process.exit(1);
});

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
