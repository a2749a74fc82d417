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

/** A change made to the city (as the owner), and how to take it back. */
type Change = (s: UncheckedSession) => Promise<() => Promise<unknown>>;
const userChange =
  (data: { username?: string; displayName?: string; active?: boolean; officeId?: string }): Change =>
  async () => {
    const before = await owner.staffUser.findUniqueOrThrow({ where: { id: city.staffId } });
    await owner.staffUser.update({ where: { id: city.staffId }, data });
    return () =>
      owner.staffUser.update({
        where: { id: city.staffId },
        data: { username: before.username, displayName: before.displayName, active: before.active, officeId: before.officeId },
      });
  };
const newOffice = (municipalityId: string, code: string) =>
  owner.office.create({ data: { code, name: '支所', municipalityId, postalCode: '100-0002', address: '見本町2', phone: '03-0000-0001' } });

// What a principal is made of (staff_session_principal) changes the check's answer; nothing else does.
describe('what makes a remembered session fail its check, and what does not', () => {
  let elsewhere: string;
  beforeAll(async () => {
    elsewhere = (await owner.municipality.create({ data: { code: '991801', name: '他所市' } })).id;
  });

  const changes: [string, Change][] = [
    [
      'its expiry moved',
      async (s) => {
        await owner.staffSession.update({ where: { id: s.id }, data: { expiresAt: new Date(Date.now() + 7200_000) } });
        return async () => undefined;
      },
    ],
    ['its user renamed (username)', userChange({ username: 'clerk-renamed' })],
    ['its user renamed (display name)', userChange({ displayName: '窓口 次郎' })],
    ['its user deactivated', userChange({ active: false })],
    [
      'its user moved to another office',
      async (s) => {
        const annex = await newOffice(city.municipalityId, 'ANNEX1');
        const undo = await userChange({ officeId: annex.id })(s);
        return async () => {
          await undo();
          await owner.office.delete({ where: { id: annex.id } });
        };
      },
    ],
    [
      "its user's office given another code",
      async () => {
        await owner.office.update({ where: { id: city.officeId }, data: { code: 'HQ2' } });
        return () => owner.office.update({ where: { id: city.officeId }, data: { code: 'HQ' } });
      },
    ],
    [
      'an office added to its municipality',
      async () => {
        const annex = await newOffice(city.municipalityId, 'ANNEX2');
        return () => owner.office.delete({ where: { id: annex.id } });
      },
    ],
    [
      'its municipality suspended',
      async () => {
        await owner.municipality.update({ where: { id: city.municipalityId }, data: { suspendedAt: new Date() } });
        return () => owner.municipality.update({ where: { id: city.municipalityId }, data: { suspendedAt: null } });
      },
    ],
  ];
  it.each(changes)('%s: the check fails, and the session read again holds', async (_name, change) => {
    const s = await session();
    const undo = await change(s);
    try {
      await expect(inMunicipality(city.municipalityId, () => readRows(app, cases), s)).rejects.toMatchObject({ code: SESSION_CHANGED });
      const reread = await session();
      const [row] = await inMunicipality(city.municipalityId, () => readRows<{ cases: number }>(app, cases), reread);
      expect(row!.cases).toBe(1);
    } finally {
      await undo();
    }
  });

  it('an office removed from its municipality: the check fails', async () => {
    const annex = await newOffice(city.municipalityId, 'ANNEX3');
    const s = await session();
    await owner.office.delete({ where: { id: annex.id } });
    await expect(inMunicipality(city.municipalityId, () => readRows(app, cases), s)).rejects.toMatchObject({ code: SESSION_CHANGED });
  });

  const unrelated: [string, Change][] = [
    [
      'its password changed',
      async () => {
        await owner.staffUser.update({ where: { id: city.staffId }, data: { passwordHash: 'y' } });
        return () => owner.staffUser.update({ where: { id: city.staffId }, data: { passwordHash: 'x' } });
      },
    ],
    [
      "its office's hours and phone changed",
      async () => {
        await owner.office.update({ where: { id: city.officeId }, data: { phone: '03-0000-9999', hours: { mon: '9:00-17:00' } } });
        return () => owner.office.update({ where: { id: city.officeId }, data: { phone: '03-0000-0000', hours: {} } });
      },
    ],
    [
      'another session of its user logged in and out',
      async () => {
        const other = await owner.staffSession.create({ data: { userId: city.staffId, expiresAt: new Date(Date.now() + 3600_000) } });
        await owner.staffSession.update({ where: { id: other.id }, data: { revokedAt: new Date() } });
        return async () => undefined;
      },
    ],
    [
      'another municipality given an office and suspended',
      async () => {
        const office = await newOffice(elsewhere, 'HQ');
        await owner.municipality.update({ where: { id: elsewhere }, data: { suspendedAt: new Date() } });
        return () => owner.office.delete({ where: { id: office.id } });
      },
    ],
  ];
  it.each(unrelated)('%s: the check still holds', async (_name, change) => {
    const s = await session();
    const undo = await change(s);
    try {
      const [row] = await inMunicipality(city.municipalityId, () => readRows<{ cases: number }>(app, cases), s);
      expect(row!.cases).toBe(1);
      expect(s.checked).toBe(true);
    } finally {
      await undo();
    }
  });
});
