import pg from 'pg';
import { createDatabaseClient } from './client';

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
  const municipality = await db.municipality.create({ data: { code: '991401', name: '順番市' } });
  const policy = await db.policyVersion.create({ data: { municipalityId: municipality.id, version: 1, policy: {} } });
  const office = await db.office.create({
    data: { code: 'HQ', name: '本庁', municipalityId: municipality.id, postalCode: '100-0001', address: '見本町1', phone: '03-0000-0000' },
  });
  const staff = await db.staffUser.create({ data: { username: 'clerk', displayName: '窓口 一郎', role: 'clerk', officeId: office.id, passwordHash: 'x' } });
  const created = await db.pinResetCase.create({
    data: {
      receiptNumber: 'HQ-2026-991401',
      officeId: office.id,
      route: 'voluntary_agent',
      reason: 'forgotten',
      pins: ['user_auth'],
      createdById: staff.id,
      policyVersionId: policy.id,
      history: { create: { toState: 'received', actorId: staff.id } },
      parties: {
        create: { role: 'holder', familyName: '見本', givenName: '花子', familyNameKana: 'ミホン', givenNameKana: 'ハナコ', birthDate: new Date('1980-01-01') },
      },
      documents: { create: { visit: 1, presentedBy: 'representative', type: 'drivers_license' } },
      letters: { create: { inquiryNumber: 'INQ-991401' } },
    },
  });

  const found = await db.$transaction((tx) =>
    Promise.all(
      [1, 2, 3].map(() => tx.pinResetCase.findMany({ where: { id: created.id }, include: { parties: true, history: true, letters: true, documents: true } })),
    ),
  );
  expect(found.map(([c]) => [c!.parties.length, c!.history.length, c!.letters.length, c!.documents.length])).toEqual([
    [1, 1, 1, 1],
    [1, 1, 1, 1],
    [1, 1, 1, 1],
  ]);
  expect(queuedBehind).toEqual([]);
});
