import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDatabaseClient } from './client';
import { Prisma } from './generated/prisma/client';
import { inMunicipality } from './municipality-scope';
import { poolOf, readRows } from './read-rows';

/** The pool under every client, on the run's database: waits reported and never an error; idle connections kept. */
describe('the pool', () => {
  it('reports a query that waited for the only connection, and runs it once the connection is free', async () => {
    const waits: { ms: number; waiting: number; size: number }[] = [];
    const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 1, onPoolWait: (w) => waits.push(w) });
    try {
      await db.$queryRaw`SELECT 1`;
      let second: Promise<unknown> | undefined;
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        // Started now (a Prisma query runs once something waits on it), while the transaction holds the connection.
        second = db.$queryRaw`SELECT 2 AS n`.then((rows) => rows);
        // The transaction keeps the only connection for a tenth of a second, as a slow request would:
        // a wait is a length of time (reported past 50 ms), so the database holds it for that long.
        await tx.$executeRaw`SELECT pg_sleep(0.1)`;
      });
      expect(await second).toEqual([{ n: 2 }]);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toMatchObject({ waiting: 1, size: 1 });
      expect(waits[0]!.ms).toBeGreaterThanOrEqual(90);
    } finally {
      await db.$disconnect();
    }
  });

  it('ends its connections when the client disconnects, Prisma having run a query on them or not (readRows alone)', async () => {
    for (const prismaToo of [false, true]) {
      const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
      const pool = poolOf(db)!;
      await readRows(db, Prisma.sql`SELECT 1::int AS one`);
      if (prismaToo) await db.$queryRaw`SELECT 1`;
      expect(pool.totalCount).toBe(1);
      await db.$disconnect();
      expect([pool.ended, pool.totalCount]).toEqual([true, 0]);
    }
  });

  it('reports nothing while a connection is free', async () => {
    const waits: unknown[] = [];
    const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2, onPoolWait: (w) => waits.push(w) });
    try {
      await db.$transaction(async (tx) => {
        // The transaction has taken one connection; the query beside it takes the other at once.
        await tx.$queryRaw`SELECT 1`;
        expect(await db.$queryRaw`SELECT 2 AS n`).toEqual([{ n: 2 }]);
      });
      expect(waits).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  });

  it("in a municipality's scope, a transaction waits for its connection as long as it takes, not refused after Prisma's 2 s", async () => {
    const waits: { ms: number }[] = [];
    const db = createDatabaseClient(process.env.DATABASE_APP_URL!, { poolSize: 1, onPoolWait: (w) => waits.push(w) });
    try {
      await inMunicipality(randomUUID(), async () => {
        let second: Promise<unknown> | undefined;
        await db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          // A statement alone goes to the pool, which waits without a limit; a transaction (a service's,
          // or a findUnique in a scope) waits under Prisma's maxWait.
          second = db.$transaction((t2) => t2.$queryRaw`SELECT 2 AS n`);
          // Past Prisma's default wait for a transaction to start (maxWait, 2 s): a pool this busy is a
          // wait to report, not an error to answer 503 with. The database holds the connection so long.
          await tx.$executeRaw`SELECT pg_sleep(2.2)`;
        });
        expect(await second).toEqual([{ n: 2 }]);
      });
      expect(waits).toHaveLength(1);
      expect(waits[0]!.ms).toBeGreaterThanOrEqual(2000);
    } finally {
      await db.$disconnect();
    }
  });
});

/** The pool between two applicants: what it keeps while the counter is quiet. */
describe('the pool between requests', () => {
  const backend = async (db: ReturnType<typeof createDatabaseClient>) =>
    (await readRows<{ pid: number }>(db, Prisma.sql`SELECT pg_backend_pid() AS pid`))[0]!.pid;

  it("keeps its idle connection: the request after an hour's quiet meets the same PostgreSQL process, warm", async () => {
    // Only the timers the pool closes idle connections with: the sockets and promises run as ever.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance', 'Date'] });
    const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
    try {
      const first = await backend(db);
      // pg's default would close the connection after 10 s idle: the next request would open one.
      jest.advanceTimersByTime(60 * 60_000);
      expect(await backend(db)).toBe(first);
      expect(poolOf(db)!.totalCount).toBe(1);
    } finally {
      jest.useRealTimers();
      await db.$disconnect();
    }
  });

  it('replaces a kept connection the server closed: the next request is answered on a new one', async () => {
    const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const first = await backend(db);
      const pool = poolOf(db)!;
      const removed = new Promise((resolve) => pool.once('remove', resolve));
      // As a restarted server or an administrator ends it while it sits idle.
      await admin.query('SELECT pg_terminate_backend($1)', [first]);
      await removed;
      const next = await backend(db);
      expect(next).not.toBe(first);
      expect(pool.totalCount).toBe(1);
    } finally {
      await admin.end();
      await db.$disconnect();
    }
  });
});
