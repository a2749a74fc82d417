import pg from 'pg';
import { createDatabaseClient } from './client';
import { cityWithACase } from './testing/city-with-a-case';

/**
 * A transaction's statements reach its one connection one at a time. Prisma's query interpreter
 * loads the relations of an `include` at once (prisma/orm#29407); pg queued them on the connection,
 * but warns since 8.19 that pg 9 will refuse a query given while another waits in its queue. The
 * pool's clients send them in turn: the same rows, and none given to pg while another waits.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
afterAll(() => db.$disconnect());

/** Each query given to a pg client while another waits in its queue: pg's own test before its warning (client.js). */
const queuedBehind: string[] = [];
const clientQuery = pg.Client.prototype.query;
beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client & { _queryQueue: unknown[]; pipeline?: boolean }, ...args: unknown[]) {
    if (this._queryQueue.length > 0 && !this.pipeline) queuedBehind.push(String((args[0] as { text?: string }).text ?? args[0]).slice(0, 80));
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof clientQuery;
});
afterAll(() => {
  pg.Client.prototype.query = clientQuery;
});

it('answers includes of four relations, three at once in a transaction, giving pg no query while another waits', async () => {
  const { caseId } = await cityWithACase(db, '991401');
  const found = await db.$transaction((tx) =>
    Promise.all(
      [1, 2, 3].map(() => tx.pinResetCase.findMany({ where: { id: caseId }, include: { parties: true, history: true, letters: true, documents: true } })),
    ),
  );
  expect(found.map(([c]) => [c!.parties.length, c!.history.length, c!.letters.length, c!.documents.length])).toEqual([
    [1, 1, 1, 1],
    [1, 1, 1, 1],
    [1, 1, 1, 1],
  ]);
  expect(queuedBehind).toEqual([]);
});
