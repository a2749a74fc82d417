import { createDatabaseClient, Prisma, readRows } from '@madoguchi/db';
import { isUniqueViolation } from './unique-violation';

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 1 });
afterAll(() => db.$disconnect());

const failure = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('isUniqueViolation', () => {
  it('knows a unique index’s refusal from Prisma’s own queries, from a raw statement and from pg itself, and nothing else', async () => {
    const code = '991011';
    await db.municipality.create({ data: { code, name: '一意市' } });
    expect(isUniqueViolation(await failure(db.municipality.create({ data: { code, name: '一意市' } })))).toBe(true);
    expect(isUniqueViolation(await failure(db.$executeRaw`INSERT INTO municipalities (id, code, name) VALUES (gen_random_uuid(), ${code}, '一意市')`))).toBe(
      true,
    );
    expect(isUniqueViolation(await failure(db.$executeRaw`INSERT INTO municipalities (id, code) VALUES (gen_random_uuid(), ${'991012'})`))).toBe(false);
    // pg's own, from a write sent straight to the pool in front of a read (a registration's).
    const insert = (c: string, name: string | null) => Prisma.sql`INSERT INTO municipalities (id, code, name) VALUES (gen_random_uuid(), ${c}, ${name})`;
    const behind = (write: Prisma.Sql) => failure(readRows(db, Prisma.sql`SELECT 1::int AS one`, { behind: write }));
    expect(isUniqueViolation(await behind(insert(code, '一意市')))).toBe(true);
    expect(isUniqueViolation(await behind(insert('991013', null)))).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key'))).toBe(false);
  });
});
