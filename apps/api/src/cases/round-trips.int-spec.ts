import { NAME_MUNICIPALITY, NAME_MUNICIPALITY_IN_SESSION } from '@madoguchi/db';
import request from 'supertest';
import { EXAMPLE_AGENT_CASE, EXAMPLE_SELF_CASE } from '../testing/fixtures';
import { asStaff } from '../testing/municipality';
import { PgWireTap } from '../testing/pg-wire-tap';
import { useTestCity } from '../testing/test-city';

/**
 * What a request costs the database, counted on the wire between the API and PostgreSQL (not by
 * the API's own word): a case's page is one statement, and a registration writes everything in
 * one statement, its page read behind it in the same round trip. Each statement goes behind the
 * setting that names the caller's municipality (row-level security), in the same round trip and
 * implicit transaction — and, where the API remembered the caller's session, the first behind the
 * check that it still holds. Nothing here depends on timing.
 */
let tap: PgWireTap;
beforeAll(async () => {
  // As the API connects in production: the application's role, under row-level security.
  tap = await PgWireTap.start(process.env.DATABASE_APP_URL!);
});
const CODE = '991001';
const t = useTestCity(CODE, () => ({ DATABASE_URL: tap.url }));
afterAll(async () => {
  await tap.close();
});

const isLogin = (sql: string) => sql.includes('staff_session_principal');
/** What names the municipality before each statement (and checks a remembered session, in front of a request's first). */
const isScopeFrame = (sql: string) => sql === NAME_MUNICIPALITY || sql === NAME_MUNICIPALITY_IN_SESSION;
/** The statements of one round trip, the frames by what they do. */
const roundTripOf = (statement: { connection: number; roundTrip: number }) =>
  tap.statements
    .filter((s) => s.connection === statement.connection && s.roundTrip === statement.roundTrip)
    .map((s) => (s.sql === NAME_MUNICIPALITY_IN_SESSION ? 'scope, session checked' : s.sql === NAME_MUNICIPALITY ? 'scope' : s.sql));

/** Requests in a session of its own, just logged in: the API has not read it yet. */
async function newSession(role: 'clerk' | 'supervisor') {
  const login = await request(t.app.getHttpServer())
    .post('/api/auth/login')
    .send({ username: `${role}_${CODE}`, password: `password-${CODE}` })
    .expect(200);
  return asStaff(t.app, login.body.accessToken as string);
}
/** The statements that do the request's work: neither the login's nor the scope's frame. */
const work = () => tap.statements.filter((s) => !isLogin(s.sql) && !isScopeFrame(s.sql));

/** Each work statement sent in one round trip with the setting in front of it (the session's check with it or not), and nothing else. */
function expectFramed(): void {
  expect(work().map(roundTripOf)).toEqual(work().map((statement) => [expect.stringMatching(/^scope/), statement.sql]));
}

describe('statements a request sends to PostgreSQL', () => {
  it('a case’s page: one statement in one round trip — the session, remembered from the request before, checked in front of it', async () => {
    const id = (await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201)).body.id as string;
    tap.reset();
    const res = await t.as('clerk').get(`/api/cases/${id}`).expect(200);
    expect(res.body.letters).toHaveLength(1);
    expect(tap.statements.filter((s) => isLogin(s.sql))).toEqual([]);
    expect(work()).toHaveLength(1);
    expect(roundTripOf(work()[0]!)).toEqual(['scope, session checked', work()[0]!.sql]);
    expect(tap.roundTrips).toBe(1);
  });

  it('a session’s first request reads it in a round trip of its own (the login’s statement); its next ones do not', async () => {
    const id = (await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201)).body.id as string;
    const session = await newSession('clerk');
    tap.reset();
    await session.get(`/api/cases/${id}`).expect(200);
    expect(tap.statements.filter((s) => isLogin(s.sql))).toHaveLength(1);
    // Read for this request: nothing to check in front of the page.
    expect(roundTripOf(work()[0]!)).toEqual(['scope', work()[0]!.sql]);
    expect(tap.roundTrips).toBe(1 + 1);
    tap.reset();
    await session.get(`/api/cases/${id}`).expect(200);
    expect(tap.statements.filter((s) => isLogin(s.sql))).toEqual([]);
    expect(roundTripOf(work()[0]!)).toEqual(['scope, session checked', work()[0]!.sql]);
    expect(tap.roundTrips).toBe(1);
  });

  it('a case’s page again, on any connection: its statement kept prepared, run without being parsed or planned again', async () => {
    const id = (await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201)).body.id as string;
    // More requests than the API has connections, so that each connection has run the page before.
    for (let i = 0; i < 12; i++) await t.as('clerk').get(`/api/cases/${id}`).expect(200);
    tap.reset();
    const res = await t.as('clerk').get(`/api/cases/${id}`).expect(200);
    expect(res.body.id).toBe(id);
    expect(work()).toEqual([expect.objectContaining({ parsed: false })]);
    expect(work()[0]!.sql).toContain('json_build_object');
    expectFramed();
    // The frame in front of it too.
    expect(tap.statements.filter((s) => isScopeFrame(s.sql))).toEqual([expect.objectContaining({ parsed: false })]);
  });

  it('a page of the case list: one statement for the rows with their holders and letters and the count; a search is not counted', async () => {
    await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    const total = Number((await t.as('clerk').get('/api/cases').expect(200)).headers['content-range']!.split('/')[1]);
    tap.reset();
    const list = await t.as('clerk').get('/api/cases').expect(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body[0].holderName).not.toBe('');
    expect(list.headers['content-range']).toBe(`cases 0-${list.body.length - 1}/${total}`);
    const listed = work();
    expect(listed).toHaveLength(1);
    expectFramed();
    expect(listed[0]!.sql).toContain('LEFT JOIN LATERAL');
    expect(listed[0]!.sql).toContain('count(*)');
    tap.reset();
    const found = await t
      .as('clerk')
      .get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: 'コウトウ' }))}`)
      .expect(200);
    expect(found.body.length).toBeGreaterThan(0);
    expect(work()).toHaveLength(1);
  });

  it('a list with nothing in it is one statement too; a page past its end is counted on its own', async () => {
    tap.reset();
    const none = await t
      .as('clerk')
      .get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ id: ['00000000-0000-4000-8000-000000000000'] }))}`)
      .expect(200);
    expect(none.body).toEqual([]);
    expect(none.headers['content-range']).toBe('cases 0-0/0');
    expect(work()).toHaveLength(1);
    await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    const total = Number((await t.as('clerk').get('/api/cases').expect(200)).headers['content-range']!.split('/')[1]);
    tap.reset();
    const past = await t
      .as('clerk')
      .get(`/api/cases?range=${encodeURIComponent(JSON.stringify([total + 10, total + 19]))}`)
      .expect(200);
    expect(past.body).toEqual([]);
    expect(past.headers['content-range']).toBe(`cases ${total + 10}-${total + 10}/${total}`);
    expect(work().map((s) => s.sql.includes('LEFT JOIN LATERAL'))).toEqual([true, false]);
  });

  it('a registration: every row it writes in one statement, and the new case read behind it in the same round trip; the policy as last read, checked by the write', async () => {
    // The API reads the policy in force at the first registration and remembers it; the write checks it is still the newest.
    await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    tap.reset();
    const res = await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    expect(tap.statements.filter((s) => isLogin(s.sql))).toEqual([]);
    const [write, page, ...more] = work();
    expect(more).toEqual([]);
    // One round trip: the municipality and the session's check, the write, the page — one implicit transaction, so the page sees the write.
    expect(roundTripOf(write!)).toEqual(['scope, session checked', write!.sql, page!.sql]);
    expect(write!.sql).toMatch(/NOT EXISTS \(SELECT 1 FROM policy_versions/);
    // The receipt number, case, parties, documents, history, letter, outbox row: one INSERT … WITH.
    for (const table of ['receipt_sequences', 'cases', 'parties', 'presented_documents', 'case_history', 'inquiry_letters', 'outbox_messages']) {
      expect(write!.sql).toContain(`INSERT INTO ${table} `);
    }
    expect(page!.sql).toMatch(/json_build_object/);
    expect(tap.roundTrips).toBe(1);
    // What was written is the case the answer shows.
    const stored = await t.db.pinResetCase.findUniqueOrThrow({
      where: { id: res.body.id },
      include: { parties: true, documents: true, letters: true, history: true },
    });
    expect(stored).toMatchObject({ receiptNumber: res.body.receiptNumber, state: 'received' });
    expect(stored.parties).toHaveLength(2);
    expect(stored.documents).toHaveLength(EXAMPLE_AGENT_CASE.documents.length);
    expect(stored.letters.map((l) => l.inquiryNumber)).toEqual(res.body.letters.map((l: { inquiryNumber: string }) => l.inquiryNumber));
    expect(stored.history).toHaveLength(1);
    expect(await t.db.outboxMessage.count({ where: { payload: { equals: { letterId: stored.letters[0]!.id } } } })).toBe(1);
  });

  it('a registration again, on any connection: its write and the page kept prepared, run without being parsed or planned again', async () => {
    // More registrations than the API has connections, so that each connection has run one of this shape before.
    for (let i = 0; i < 12; i++) await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    tap.reset();
    const res = await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    expect(res.body.letters).toHaveLength(1);
    const [write, page, ...more] = work();
    expect(more).toEqual([]);
    expect(write!.sql).toContain('INSERT INTO cases ');
    expect([write!.parsed, page!.parsed]).toEqual([false, false]);
    expect(tap.statements.filter((s) => isScopeFrame(s.sql))).toEqual([expect.objectContaining({ parsed: false })]);
    // Another shape (no letter, one party) is another statement, parsed the first time its connection runs it.
    tap.reset();
    await t.as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).expect(201);
    const [selfWrite] = work();
    expect(selfWrite!.sql).not.toBe(write!.sql);
    expect(selfWrite!.parsed).toBe(true);
  });

  it('a registration with an Idempotency-Key: its key in the same statement, and a replay writes nothing', async () => {
    tap.reset();
    const key = 'round-trips-key-1';
    const first = await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).set('idempotency-key', key).expect(201);
    expect(tap.statements.filter((s) => /\binsert\b/i.test(s.sql))).toHaveLength(1);
    expect(tap.statements.find((s) => /\binsert\b/i.test(s.sql))!.sql).toContain('INSERT INTO idempotency_keys ');
    tap.reset();
    const again = await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).set('idempotency-key', key).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(tap.statements.filter((s) => /\b(insert|update|delete)\b/i.test(s.sql))).toEqual([]);
  });
});
