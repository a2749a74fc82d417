import pg from 'pg';
import { APP_ROLE, databaseName, LOCAL_APP_ROLE_PASSWORD, quoteIdent, withDatabase } from './urls';

/** Run `fn` with a client connected to the server's maintenance database (`postgres`). */
export async function withMaintenanceClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  return withMaintenanceClient(url, async (client) => {
    const res = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)]);
    return res.rowCount === 1;
  });
}

/** Create the database named in `url` if it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceClient(url, async (client) => {
    const res = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (res.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

export async function createDatabase(url: string, template?: string): Promise<void> {
  await withMaintenanceClient(url, async (client) => {
    const from = template ? ` TEMPLATE ${quoteIdent(template)}` : '';
    await client.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}${from}`);
  });
}

/** Drop the database named in `url`, disconnecting anyone still on it. */
export async function dropDatabase(url: string): Promise<void> {
  await withMaintenanceClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`);
  });
}

/** True when a PostgreSQL server answers at `url` (any database, including a missing one, counts as an answer). */
export async function serverAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Let the application's role log in on a development or test server (never production, whose
 * operator creates it with a password of their own): created here if the migrations have not yet.
 * Roles belong to the whole server, so every test database on it shares this one.
 */
export async function ensureLocalAppRole(url: string): Promise<void> {
  await withMaintenanceClient(url, async (client) => {
    // Two test runs may get here at once: the lock makes the create-or-alter one step.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [APP_ROLE]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(`${verb} ROLE ${quoteIdent(APP_ROLE)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${LOCAL_APP_ROLE_PASSWORD}'`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [APP_ROLE]);
    }
  });
}
