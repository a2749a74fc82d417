import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deployMigrations } from '../migrations/migrator';
import { migrationsDir } from '../paths';
import { createDatabase, dropDatabase, ensureLocalAppRole, withMaintenanceClient } from '../server/admin';
import { resolveDatabaseUrl } from '../server/default-server';
import { appRoleUrl, quoteIdent, withDatabase } from '../server/urls';

export interface TestDatabase {
  /** Connection string of a database that exists only for this run, as its owner (fixtures, checks). */
  url: string;
  /** The same database as the application's role, under row-level security: what the API and the worker get. */
  appUrl: string;
  name: string;
  /** Drops the database (and stops an embedded server this call started). */
  drop(): Promise<void>;
}

const TEMPLATE_PREFIX = 'madoguchi_tpl_';
const TEST_PREFIX = 'madoguchi_test_';

/** A hash of every committed migration: a template is reused only while they are unchanged. */
async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    hash.update(name);
    hash.update(await readFile(path.join(migrationsDir, name, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Make sure a migrated template database exists for the current migrations, creating it under
 * an advisory lock so parallel test runs do not race. Copying a template takes milliseconds;
 * replaying the migrations each time would take seconds.
 */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const template = `${TEMPLATE_PREFIX}${await migrationsFingerprint()}`;
  await withMaintenanceClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [TEMPLATE_PREFIX]);
    try {
      const ready = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      const marker = ready.rowCount
        ? await client.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [template])
        : undefined;
      if (marker?.rows[0]?.note === 'migrated') return;

      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdent(template)}`);
      await deployMigrations({ databaseUrl: withDatabase(serverUrl, template) });
      // Marked only once fully migrated, so a run cut off half-way is redone, not reused.
      await client.query(`COMMENT ON DATABASE ${quoteIdent(template)} IS 'migrated'`);
      const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`, [`${TEMPLATE_PREFIX}%`, template]);
      for (const row of stale.rows as { datname: string }[]) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(row.datname)} WITH (FORCE)`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [TEMPLATE_PREFIX]);
    }
  });
  return template;
}

/**
 * A fresh, fully migrated database on the server of DATABASE_URL (or the same default as
 * `npm start`), never the demo database. Each call gets its own.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = await resolveDatabaseUrl('postgres');
  try {
    await ensureLocalAppRole(server.url);
    const template = await ensureTemplate(server.url);
    const name = `${TEST_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const url = withDatabase(server.url, name);
    await createDatabase(url, template);
    return {
      url,
      appUrl: appRoleUrl(url),
      name,
      async drop() {
        try {
          await dropDatabase(url);
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
