import { Prisma } from './generated/prisma/client';
import { createDatabaseClient } from './client';
import { readRows } from './read-rows';
import { keptPrepared } from './scope-frame';
import { checkIsolationAtStart, enumEqualityNotLeakproof, inMunicipality, isolationBypassed } from './municipality-scope';
import { APP_ROLE } from './server/urls';
import { cityWithACase, type CityWithACase } from './testing/city-with-a-case';

/**
 * Isolation the database enforces (#19): connected as the application's role, as the API and the
 * worker are, a query with its `where` left out on purpose returns the rows of the municipality its
 * transaction names, and nothing without one. The owner's connection (the tests' own) sets the scene.
 */
const owner = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
// One connection: what one transaction set, the next on the same connection must not inherit.
const app = createDatabaseClient(process.env.DATABASE_APP_URL!, { poolSize: 1 });
afterAll(() => Promise.all([owner.$disconnect(), app.$disconnect()]));

let a: CityWithACase;
let b: CityWithACase;
beforeAll(async () => {
  a = await cityWithACase(owner, '991201');
  b = await cityWithACase(owner, '991202');
});

/** The tables whose rows belong to a municipality: every table with a municipality_id but the outbox's. */
async function municipalityTables(): Promise<string[]> {
  const rows = await owner.$queryRaw<{ table: string }[]>`
    SELECT table_name AS table FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'municipality_id' AND table_name <> 'outbox_messages' ORDER BY 1`;
  return rows.map((r) => r.table);
}

describe('row-level security, as the application role', () => {
  it('is how the application connects: a role that owns no table, is no superuser and cannot bypass row-level security', async () => {
    const [me] = await app.$queryRaw<{ user: string; superuser: boolean; bypass: boolean; owned: bigint }[]>`
      SELECT current_user AS user, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
             (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(me).toEqual({ user: APP_ROLE, superuser: false, bypass: false, owned: 0n });
  });

  it('says at start when a connection would see every municipality (the owner here, a superuser), and not for the role', async () => {
    expect(await isolationBypassed(app)).toBeUndefined();
    expect(await isolationBypassed(owner)).toMatch(/is a superuser$/);
    // Outside production the start goes on, with the reason in the log.
    const said = await new Promise<string>((resolve) => checkIsolationAtStart(owner, { warn: resolve, fatal: resolve }));
    expect(said).toMatch(
      /^DATABASE_URL must connect as the application's role \(madoguchi_app\), under row-level security: the database user \w+ is a superuser$/,
    );
  });

  it('is on for every table whose rows belong to a municipality, with the one policy', async () => {
    const tables = await municipalityTables();
    expect(tables).toEqual(
      expect.arrayContaining(['cases', 'parties', 'case_history', 'inquiry_letters', 'staff_users', 'staff_sessions', 'print_runs', 'offices']),
    );
    const rows = await owner.$queryRaw<{ table: string; rls: boolean; policies: string[] }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS rls, ARRAY(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY(${tables}) ORDER BY 1`;
    expect(rows).toEqual(tables.map((table) => ({ table, rls: true, policies: ['municipality_isolation'] })));
  });

  it('shows a transaction that names no municipality no municipality rows at all', async () => {
    for (const table of await municipalityTables()) {
      const [row] = await app.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`);
      expect({ table, n: row!.n }).toEqual({ table, n: 0n });
    }
    expect(await app.pinResetCase.findMany()).toEqual([]);
  });

  it('shows a query without its where only the rows of the municipality in scope, in every such table', async () => {
    for (const table of await municipalityTables()) {
      for (const city of [a, b]) {
        const [mine] = await owner.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table} WHERE municipality_id = $1::uuid`, city.municipalityId);
        const [seen] = await inMunicipality(city.municipalityId, () => app.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`));
        expect({ table, n: seen!.n }).toEqual({ table, n: mine!.n });
      }
    }
    const cases = await inMunicipality(a.municipalityId, () => app.pinResetCase.findMany({ select: { id: true } }));
    expect(cases).toEqual([{ id: a.caseId }]);
    const clerks = await inMunicipality(b.municipalityId, () => app.staffUser.findMany({ where: { username: 'clerk' }, select: { id: true } }));
    expect(clerks).toEqual([{ id: b.staffId }]);
  });

  it("finds another municipality's row by its id as not there, and changes nothing of it", async () => {
    await inMunicipality(a.municipalityId, async () => {
      expect(await app.pinResetCase.findUnique({ where: { id: b.caseId } })).toBeNull();
      expect(await app.pinResetCase.updateMany({ where: { id: b.caseId }, data: { note: 'changed from another city' } })).toEqual({ count: 0 });
      expect(await app.inquiryLetter.deleteMany({ where: { id: b.letterId } })).toEqual({ count: 0 });
      expect(await app.$executeRaw`UPDATE staff_users SET active = false`).toBe(1);
    });
    const untouched = await owner.pinResetCase.findUniqueOrThrow({ where: { id: b.caseId }, select: { note: true } });
    expect(untouched.note).toBeNull();
    expect(await owner.inquiryLetter.count({ where: { id: b.letterId } })).toBe(1);
    expect((await owner.staffUser.findUniqueOrThrow({ where: { id: b.staffId } })).active).toBe(true);
    await owner.staffUser.update({ where: { id: a.staffId }, data: { active: true } });
  });

  it('refuses a row written into another municipality, and one written with none in scope', async () => {
    const note = { caseId: a.caseId, visit: 2, presentedBy: 'representative' as const, type: 'passport' as const };
    await expect(inMunicipality(a.municipalityId, () => app.presentedDocument.create({ data: { ...note, municipalityId: b.municipalityId } }))).rejects.toThrow(
      /row-level security/,
    );
    await expect(app.presentedDocument.create({ data: note })).rejects.toThrow();
    expect(await owner.presentedDocument.count({ where: { caseId: a.caseId, visit: 2 } })).toBe(0);
    // In scope, the row takes the municipality from the transaction without naming it.
    const written = await inMunicipality(a.municipalityId, () => app.presentedDocument.create({ data: note }));
    expect(written.municipalityId).toBe(a.municipalityId);
    await owner.presentedDocument.delete({ where: { id: written.id } });
  });

  it('names the municipality for its transaction only: the next work on the same connection has none', async () => {
    await inMunicipality(a.municipalityId, () => app.pinResetCase.count());
    await inMunicipality(a.municipalityId, () => app.$transaction(async (tx) => tx.pinResetCase.count()));
    // The pool has one connection, so these ran on it; what they set ended with their transactions.
    const [setting] = await app.$queryRaw<{ value: string | null; workers: string }[]>`
      SELECT current_setting('app.municipality_id', true) AS value, current_setting('max_parallel_workers_per_gather') AS workers`;
    expect(setting!.value ?? '').toBe('');
    expect(setting!.workers).not.toBe('0');
    expect(await app.pinResetCase.count()).toBe(0);
  });

  it("gives a service's own transaction the scope's municipality, and keeps scopes running at once apart", async () => {
    const [seenByA, seenByB] = await Promise.all(
      [a, b].map((city) =>
        inMunicipality(city.municipalityId, () => app.$transaction(async (tx) => (await tx.pinResetCase.findMany({ select: { id: true } })).map((c) => c.id))),
      ),
    );
    expect(seenByA).toEqual([a.caseId]);
    expect(seenByB).toEqual([b.caseId]);
  });

  it('keeps statements alone of two scopes apart when they wait for the one connection at once', async () => {
    const seen = await Promise.all(
      [a, b, a, b].map((city) =>
        inMunicipality(city.municipalityId, async () => {
          const [row] = await app.$queryRaw<{ ids: string[] }[]>`SELECT array_agg(id) AS ids FROM cases`;
          return { ids: row!.ids, offices: (await app.office.findMany({ select: { id: true } })).map((o) => o.id) };
        }),
      ),
    );
    expect(seen).toEqual([a, b, a, b].map((city) => ({ ids: [city.caseId], offices: [city.officeId] })));
  });

  it('answers a failed statement with its error and leaves the connection clean for the next scope', async () => {
    await expect(inMunicipality(a.municipalityId, () => app.$queryRaw`SELECT 1 / (count(*) - count(*)) FROM cases`)).rejects.toThrow(/division by zero/);
    await expect(
      inMunicipality(a.municipalityId, () =>
        app.$transaction(async (tx) => {
          await tx.$executeRaw`UPDATE cases SET note = 'rolled back' WHERE id = ${a.caseId}::uuid`;
          throw new Error('the service changed its mind');
        }),
      ),
    ).rejects.toThrow('the service changed its mind');
    // The one connection: not left in a transaction, nor in a's municipality, and b's scope is b's.
    const [after] = await app.$queryRaw<{ value: string | null; open: boolean }[]>`
      SELECT current_setting('app.municipality_id', true) AS value, now() = statement_timestamp() AS open`;
    expect(after!.value ?? '').toBe('');
    // A transaction left open would keep its start as now(); a fresh statement's is its own.
    expect(after!.open).toBe(true);
    const seenByB = await inMunicipality(b.municipalityId, () => app.pinResetCase.findMany({ select: { id: true, note: true } }));
    expect(seenByB).toEqual([{ id: b.caseId, note: null }]);
    expect((await owner.pinResetCase.findUniqueOrThrow({ where: { id: a.caseId }, select: { note: true } })).note).toBeNull();
  });

  it('keeps a statement marked to be kept prepared on its connection, each run in its own scope; a failed parse or bind leaves nothing half prepared on the connection', async () => {
    const kept = (label: string) => Prisma.raw(keptPrepared(label));
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    // One connection, one prepared statement, run more than five times (after five PostgreSQL may keep
    // one plan for all): each run in whichever municipality's scope it is made in.
    for (let run = 0; run < 8; run++) {
      const city = run % 2 ? b : a;
      const seen = await inMunicipality(city.municipalityId, () => app.$queryRaw<{ id: string }[]>`${kept('rls-spec')} SELECT id FROM cases`);
      expect([run, ids(seen)]).toEqual([run, [city.caseId]]);
    }
    for (let i = 0; i < 2; i++) {
      await expect(inMunicipality(a.municipalityId, () => app.$queryRaw`${kept('rls-spec-unparsable')} SELECT no_such_column FROM cases`)).rejects.toThrow(
        /no_such_column/,
      );
    }
    const byId = (id: string) =>
      inMunicipality(a.municipalityId, () => app.$queryRaw<{ id: string }[]>`${kept('rls-spec-by-id')} SELECT id FROM cases WHERE id = ${id}::uuid`);
    await expect(byId('not-a-uuid')).rejects.toThrow(/uuid/);
    expect(ids(await byId(a.caseId))).toEqual([a.caseId]);
    expect(ids(await byId(b.caseId))).toEqual([]);
  });

  it("reads a statement sent straight to the pool (readRows) in its scope: the scope's rows, none without one, kept prepared too; refuses a transaction's client and a column Prisma would give otherwise", async () => {
    const read = () =>
      readRows<{ id: string; at: Date; pins: string[]; holder: { kana: string } }>(
        app,
        Prisma.sql`${Prisma.raw(keptPrepared('rls-spec-read-rows'))} SELECT c.id, c.created_at AS at, c.pins::text[] AS pins,
        (SELECT json_build_object('kana', p.family_name_kana) FROM parties p WHERE p.case_id = c.id) AS holder FROM cases c`,
      );
    expect(await read()).toEqual([]);
    for (let run = 0; run < 8; run++) {
      const city = run % 2 ? b : a;
      const rows = await inMunicipality(city.municipalityId, read);
      expect(rows.map((r) => ({ ...r, at: r.at instanceof Date }))).toEqual([{ id: city.caseId, at: true, pins: ['user_auth'], holder: { kana: 'ミホン' } }]);
    }
    // The same rows as Prisma's raw query gives them.
    const viaPrisma = await inMunicipality(a.municipalityId, () => app.$queryRaw`SELECT id, created_at AS at, pins::text[] AS pins FROM cases`);
    expect(await inMunicipality(a.municipalityId, () => readRows(app, Prisma.sql`SELECT id, created_at AS at, pins::text[] AS pins FROM cases`))).toEqual(
      viaPrisma,
    );
    // An instant is sent as Prisma sends it, whatever the process's time zone.
    const instant = new Date('2026-01-01T00:00:00Z');
    expect(await readRows(app, Prisma.sql`SELECT ${instant}::text AS sent, ${instant}::timestamptz = '2026-01-01T00:00:00Z' AS same`)).toEqual([
      { sent: instant.toISOString(), same: true },
    ]);
    await expect(inMunicipality(a.municipalityId, () => readRows(app, Prisma.sql`SELECT count(*) AS n FROM cases`))).rejects.toThrow(/column n .*cast it/);
    await expect(
      inMunicipality(a.municipalityId, () => app.$transaction((tx) => readRows(tx as typeof app, Prisma.sql`SELECT id FROM cases`))),
    ).rejects.toThrow(/not a transaction's/);
  });

  it('sends a write in front of a read (readRows behind): one round trip and one transaction — the read sees the write, both stand or neither; in its scope only; kept prepared if marked', async () => {
    const c = await cityWithACase(owner, '991203');
    const noteOf = async () => (await owner.pinResetCase.findUniqueOrThrow({ where: { id: c.caseId } })).note;
    const at = new Date('2026-03-04T05:06:07.089Z');
    // Values of every kind a write binds: text, an array, an instant, a number, a boolean, null.
    const write = (note: string) =>
      Prisma.sql`UPDATE cases SET note = ${note}, pins = ${['user_auth', 'card_info']}::"Pin"[], updated_at = ${at}, version = version + ${1}
                 WHERE id = ${c.caseId}::uuid AND ${true} AND ${null}::text IS NULL RETURNING id`;
    const read = Prisma.sql`SELECT note, pins::text[] AS pins, updated_at AS at, version FROM cases WHERE id = ${c.caseId}::uuid`;
    const inCity = <T>(work: () => Promise<T>) => inMunicipality(c.municipalityId, work);

    expect(await inCity(() => readRows(app, read, { behind: write('書いた') }))).toEqual([
      { note: '書いた', pins: ['user_auth', 'card_info'], at, version: 2 },
    ]);
    // The read fails: the write went with it.
    await expect(inCity(() => readRows(app, Prisma.sql`SELECT (1 / ${0})::int AS n`, { behind: write('消えた') }))).rejects.toThrow(/division by zero/);
    // The write fails: nothing is read, nothing written.
    await expect(inCity(() => readRows(app, read, { behind: Prisma.sql`SELECT ${'x'}::int` }))).rejects.toThrow(/invalid input syntax for type integer/);
    expect(await noteOf()).toBe('書いた');
    // Another municipality's scope, or none: the write finds no row to change, the read none to show.
    expect(await inMunicipality(b.municipalityId, () => readRows(app, read, { behind: write('他市') }))).toEqual([]);
    expect(await readRows(app, read, { behind: write('範囲外') })).toEqual([]);
    expect(await noteOf()).toBe('書いた');
    // Kept prepared if marked, as the read: parsed once on the connection, then bound again by its name.
    const kept = (note: string) => Prisma.sql`${Prisma.raw(keptPrepared('rls-spec-behind'))} UPDATE cases SET note = ${note} WHERE id = ${c.caseId}::uuid`;
    const prepared = Prisma.sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'rls-spec-behind-%'`;
    expect(await inCity(() => readRows(app, prepared, { behind: kept('一') }))).toEqual([{ n: 1 }]);
    expect(await inCity(() => readRows(app, prepared, { behind: kept('二') }))).toEqual([{ n: 1 }]);
    expect(await noteOf()).toBe('二');
  });

  it('keeps the lookups by id of two scopes made at the same moment apart (Prisma would gather them into one query)', async () => {
    const [aSeesA, bSeesA, bSeesB] = await Promise.all([
      inMunicipality(a.municipalityId, () => app.pinResetCase.findUnique({ where: { id: a.caseId }, select: { id: true } })),
      inMunicipality(b.municipalityId, () => app.pinResetCase.findUnique({ where: { id: a.caseId }, select: { id: true } })),
      inMunicipality(b.municipalityId, () => app.pinResetCase.findUnique({ where: { id: b.caseId }, select: { id: true } })),
    ]);
    expect([aSeesA, bSeesA, bSeesB]).toEqual([{ id: a.caseId }, null, { id: b.caseId }]);
  });

  it('names the municipality in a transaction Prisma opens itself (a nested write), and for a statement awaited outside its scope', async () => {
    const nested = inMunicipality(a.municipalityId, () =>
      app.pinResetCase.update({
        where: { id: a.caseId },
        data: { documents: { create: { visit: 3, presentedBy: 'holder', type: 'passport' } } },
        select: { documents: { where: { visit: 3 }, select: { id: true, municipalityId: true } } },
      }),
    );
    // Made in the scope, awaited after it: the statement still runs as the municipality it was made in.
    const updated = await nested;
    expect(updated.documents).toEqual([{ id: expect.any(String), municipalityId: a.municipalityId }]);
    await owner.presentedDocument.delete({ where: { id: updated.documents[0]!.id } });
  });

  it('looks a session or a login up before the municipality is known only through the narrow functions', async () => {
    const session = await owner.staffSession.findFirstOrThrow({ where: { userId: a.staffId } });
    const [principal] = await app.$queryRaw<{ user_id: string; municipality_id: string; office_ids: string[] }[]>`
      SELECT user_id, municipality_id, office_ids FROM staff_session_principal(${session.id}::uuid)`;
    expect(principal).toEqual({ user_id: a.staffId, municipality_id: a.municipalityId, office_ids: [a.officeId] });
    // `clerk` is two cities' username: without the code, both are candidates (the login asks for the code).
    const both = await app.$queryRaw<{ user_id: string }[]>`SELECT user_id FROM staff_login_candidates('clerk', '991202')`;
    expect(both).toEqual([{ user_id: b.staffId }]);
    expect(await app.staffSession.count()).toBe(0);
  });

  it("lets a filter on a state come before the policy (an index condition), not filter the city's rows after it", async () => {
    // Enum equality marked LEAKPROOF (the migration, as a superuser); without it the plan below filters.
    expect(await enumEqualityNotLeakproof(owner)).toBeUndefined();
    const plan = await inMunicipality(a.municipalityId, () =>
      app.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN (COSTS OFF) SELECT count(*) FROM cases WHERE office_id = $1::uuid AND state = 'inquiry_mailed'`,
          a.officeId,
        );
      }),
    );
    // Before the policy: as an index condition, or first among the filters (the planner's choice on
    // a small table); unmarked, it would come after the policy's municipality_id and never in an index.
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain(`state = 'inquiry_mailed'`);
    expect(text.indexOf(`state = 'inquiry_mailed'`)).toBeLessThan(text.indexOf('municipality_id ='));
  });
});
