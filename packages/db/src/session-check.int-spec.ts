import { Prisma } from './generated/prisma/client';
import { createDatabaseClient } from './client';
import { readRows } from './read-rows';
import { inMunicipality, type UncheckedSession } from './municipality-scope';
import { SESSION_CHANGED } from './scope-frame';
import { cityWithACase, type CityWithACase } from './testing/city-with-a-case';

/**
 * A session the API remembered rather than read (the API's AuthService): the pool checks it in front
 * of the first statement of its scope, in that statement's transaction (staff_session_holds), and not
 * in front of the ones after a statement has. Where the session changed, nothing of the statement, or
 * of a write in front of it, or of a transaction it opens, is done.
 */
const owner = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
const app = createDatabaseClient(process.env.DATABASE_APP_URL!, { poolSize: 1 });
afterAll(() => Promise.all([owner.$disconnect(), app.$disconnect()]));

let city: CityWithACase;
beforeAll(async () => {
  city = await cityWithACase(owner, '991602');
});

/** A session of the city's clerk, and what it is now (as the API reads it with the principal). */
async function session(): Promise<UncheckedSession> {
  const { id } = await owner.staffSession.create({ data: { userId: city.staffId, expiresAt: new Date(Date.now() + 3600_000) } });
  const [row] = await owner.$queryRaw<{ fingerprint: string }[]>`SELECT staff_session_fingerprint(${id}::uuid) AS fingerprint`;
  return { id, fingerprint: row!.fingerprint, checked: false };
}

const logOut = (s: UncheckedSession) => owner.staffSession.update({ where: { id: s.id }, data: { revokedAt: new Date() } });
const noteOf = async () => (await owner.pinResetCase.findUniqueOrThrow({ where: { id: city.caseId } })).note;
const cases = Prisma.sql`SELECT count(*)::int AS cases FROM cases`;

describe("a remembered session, checked in front of its scope's first statement", () => {
  it('as it was read: the statement runs, and the session is marked checked', async () => {
    const s = await session();
    const [row] = await inMunicipality(city.municipalityId, () => readRows<{ cases: number }>(app, cases), s);
    expect(row!.cases).toBe(1);
    expect(s.checked).toBe(true);
  });

  it('logged out since: the statement fails with SESSION_CHANGED, and the write sent in front of it is not done', async () => {
    const s = await session();
    await logOut(s);
    const write = Prisma.sql`UPDATE cases SET note = 'written after the logout' WHERE id = ${city.caseId}::uuid`;
    const failed = inMunicipality(city.municipalityId, () => readRows(app, cases, { behind: write }), s);
    await expect(failed).rejects.toMatchObject({ code: SESSION_CHANGED });
    expect(s.checked).toBe(false);
    expect(await noteOf()).toBeNull();
  });

  it('changed since (another role): a transaction it opens fails at its BEGIN, and writes nothing', async () => {
    const s = await session();
    await owner.staffUser.update({ where: { id: city.staffId }, data: { role: 'supervisor' } });
    try {
      const failed = inMunicipality(
        city.municipalityId,
        () => app.$transaction((tx) => tx.pinResetCase.update({ where: { id: city.caseId }, data: { note: 'written after the change' } })),
        s,
      );
      await expect(failed).rejects.toThrow();
      expect(await noteOf()).toBeNull();
    } finally {
      await owner.staffUser.update({ where: { id: city.staffId }, data: { role: 'clerk' } });
    }
  });

  it('once a statement has checked it, the next goes without the check (it ran at the request’s start, as the login’s read did)', async () => {
    const s = await session();
    await inMunicipality(city.municipalityId, () => readRows(app, cases), s);
    await logOut(s);
    const [row] = await inMunicipality(city.municipalityId, () => readRows<{ cases: number }>(app, cases), s);
    expect(row!.cases).toBe(1);
  });
});
