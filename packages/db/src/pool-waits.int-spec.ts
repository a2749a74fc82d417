import { randomUUID } from 'node:crypto';
import { createDatabaseClient } from './client';
import { inMunicipality } from './municipality-scope';

/** Waits for a free connection, on the run's database: reported as waits, and never an error. */
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
