import { performance } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { municipalityScoped } from './municipality-scope';
import { rememberPool } from './read-rows';
import { MunicipalityPool } from './scope-frame';

export type Database = PrismaClient;

/** How long a query may wait for a free connection before the wait is reported (not an error). */
export const POOL_WAIT_REPORTED_MS = 50;

/**
 * How long a transaction may wait to start, for a free connection: Prisma's default (2 s) would answer
 * a busy pool with an error, where a statement alone waits as long as it takes (and in a scope a
 * `findUnique` is a transaction of its own). A wait is reported (onPoolWait), never turned into an
 * error; a database that is away fails at once anyway.
 */
export const TRANSACTION_MAX_WAIT_MS = 10 * 60_000;

/**
 * Idle connections are kept, not closed after pg's default 10 s. At a counter nearly every request
 * comes after a pause longer than that (an applicant at the desk), and on a new connection it waited
 * for the connection and for a PostgreSQL process that has yet to read the catalog and plan the
 * login's query: 43–91 ms where a kept connection answers in 12–24 (bench/lists/after-a-pause.mjs).
 * The pool still never holds more than its size; a kept connection the server drops is replaced.
 */
export const KEEP_IDLE_CONNECTIONS = 0;

export interface DatabaseClientOptions {
  poolSize?: number;
  /**
   * Told of each wait for a free connection longer than POOL_WAIT_REPORTED_MS: the pool is too
   * small for the load (or a connection is held too long). The query still runs once one is free:
   * a wait is reported as such, never turned into an error.
   */
  onPoolWait?: (wait: { ms: number; waiting: number; size: number }) => void;
}

/**
 * The one way the apps create a Prisma client: on the pg driver adapter, over a pool it can watch,
 * naming the municipality of the code running (inMunicipality) in every transaction.
 */
export function createDatabaseClient(databaseUrl: string, options: DatabaseClientOptions = {}): PrismaClient {
  const size = options.poolSize ?? 10;
  const pool = new MunicipalityPool({
    connectionString: databaseUrl,
    max: size,
    idleTimeoutMillis: KEEP_IDLE_CONNECTIONS,
    // A kept connection says it is alive every half minute: a firewall between the API and the
    // database does not forget it, and one the network lost is found in minutes (the kernel's probes), not hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
  });
  // An idle connection the server ended (a restart, an administrator): pg's pool has already let it
  // go and the next request opens another. Unheard, the event would end the process — and Prisma's
  // adapter listens only once Prisma has run a query, where the reads every request makes do not go.
  pool.on('error', () => undefined);
  const onPoolWait = options.onPoolWait;
  if (onPoolWait) watchPoolWaits(pool, size, onPoolWait);
  // The adapter ends the pool it is given when the client disconnects — if Prisma ever ran a query
  // on it: a client that only read through readRows ends it here, or its connections would keep the process alive.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
  const disconnect = prisma.$disconnect.bind(prisma);
  prisma.$disconnect = async () => {
    await disconnect();
    if (!pool.ending) await pool.end();
  };
  const db = municipalityScoped(prisma);
  rememberPool(db, pool);
  return db;
}

/** Time every connection the pool hands out (pg's own queries take theirs through `connect` too). */
function watchPoolWaits(pool: pg.Pool, size: number, report: NonNullable<DatabaseClientOptions['onPoolWait']>): void {
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => Promise<pg.PoolClient> | void;
  const timed = (started: number, waiting: number) => {
    const ms = performance.now() - started;
    if (ms > POOL_WAIT_REPORTED_MS) report({ ms: Math.round(ms), waiting, size });
  };
  (pool as unknown as { connect: typeof connect }).connect = (callback?: (...args: unknown[]) => void) => {
    // Only a call that finds every connection taken waits for one; opening a new one is not a wait.
    if (pool.totalCount < size || pool.idleCount > 0) return callback ? connect(callback) : connect();
    const started = performance.now();
    const waiting = pool.waitingCount + 1;
    if (callback) {
      return connect((...args: unknown[]) => {
        timed(started, waiting);
        callback(...args);
      });
    }
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      timed(started, waiting);
      return client;
    });
  };
}
