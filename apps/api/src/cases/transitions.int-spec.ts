import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient, dateColumn } from '@madoguchi/db';
import { addDays, checkCodeFor, japanDate, type Role } from '@madoguchi/domain';
import request from 'supertest';
import { hmacAuthenticator } from '@madoguchi/platform';
import { EXAMPLE_HOLDER } from '@madoguchi/devstack/testing';
import { EXAMPLE_SECOND_VISIT, EXAMPLE_SELF_CASE } from '../testing/fixtures';
import { loginEveryRole, startTestApp, TEST_LETTER_SECRET } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let tokens: Record<Role, string>;

beforeAll(async () => {
  app = await startTestApp();
  tokens = await loginEveryRole(app);
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const holder = EXAMPLE_HOLDER;
const selfCase = EXAMPLE_SELF_CASE;
const agentCase = {
  route: 'voluntary_agent',
  reason: 'forgotten',
  pins: ['resident_registry'],
  holder,
  representative: { kind: 'agent', familyName: '江東', givenName: '太郎', familyNameKana: 'コウトウ', givenNameKana: 'タロウ', birthDate: '1975-03-03' },
  documents: [{ presentedBy: 'representative', type: 'passport', expiresOn: '2099-01-01' }],
  // No register connected (the default policy): the clerk checked the typed address against the 住民票.
  attested: ['holder_address_checked'],
};
const { documents: visit2, agentConfirmed, attested } = EXAMPLE_SECOND_VISIT;
/** The clerk's checks at visit 2: the agent is the one who applied, their IDs show the current address. */
const sameAgent = { agentConfirmed, attested };

async function registered(body: object): Promise<{ id: string; version: number; letters: { id: string; inquiryNumber: string }[] }> {
  return (await request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${tokens.clerk}`).send(body).expect(201)).body;
}
const move = (id: string, body: object, role: Role = 'clerk') =>
  request(app.getHttpServer()).post(`/api/cases/${id}/transitions`).set('authorization', `Bearer ${tokens[role]}`).send(body);

/** What confirming a print run as mailed will do (letters issue): the letter is out, the case waits for the reply. */
async function markMailed(caseId: string, letterId: string, daysAgo = 0) {
  const mailedOn = addDays(japanDate(new Date()), -daysAgo);
  await db.$transaction([
    db.inquiryLetter.update({
      where: { id: letterId },
      data: { status: 'mailed', mailedOn: dateColumn(mailedOn), replyDeadline: dateColumn(addDays(mailedOn, 30)) },
    }),
    db.pinResetCase.update({ where: { id: caseId }, data: { state: 'inquiry_mailed', version: { increment: 1 } } }),
  ]);
}

describe('same-day routes', () => {
  it('a clerk completes a self case; the version and the history follow', async () => {
    const c = await registered(selfCase);
    const res = await move(c.id, { to: 'completed', version: 1 }).expect(200);
    expect(res.body).toMatchObject({ state: 'completed', version: 2 });
    expect(res.body.history.map((h: { from: string | null; to: string; actor: { username: string } }) => [h.from, h.to, h.actor.username])).toEqual([
      [null, 'received', 'clerk'],
      ['received', 'completed', 'clerk'],
    ]);
  });

  it('a stale version is 409 and changes nothing', async () => {
    const c = await registered(selfCase);
    await move(c.id, { to: 'cancelled', version: 1, reason: 'withdrawn' }).expect(200);
    const res = await move(c.id, { to: 'completed', version: 1 }).expect(409);
    expect(res.body.code).toMatch(/^(version_conflict|case_finished)$/);
    expect((await db.pinResetCase.findUniqueOrThrow({ where: { id: c.id } })).state).toBe('cancelled');
  });

  it('an illegal move is 409, a wrong role 403, a cancellation without reason 422', async () => {
    const c = await registered(selfCase);
    expect((await move(c.id, { to: 'reply_returned', version: 1 }).expect(409)).body.code).toBe('transition_not_allowed');
    expect((await move(c.id, { to: 'completed', version: 1 }, 'print_staff').expect(403)).body.code).toBe('transition_role_not_allowed');
    expect((await move(c.id, { to: 'completed', version: 1 }, 'admin').expect(403)).body.code).toBe('transition_role_not_allowed');
    const noReason = await move(c.id, { to: 'cancelled', version: 1 }).expect(422);
    expect(noReason.body).toMatchObject({ code: 'cancel_reason_required', details: [{ path: 'reason' }] });
    await move(c.id, { to: 'flying', version: 1 }).expect(400);
    await move('00000000-0000-4000-8000-000000000000', { to: 'completed', version: 1 }).expect(404);
    await move('nope', { to: 'completed', version: 1 }).expect(404);
  });

  it('of 50 concurrent moves on one case exactly one wins, the rest 409, and the history has one entry for it', async () => {
    const c = await registered(selfCase);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => move(c.id, i % 2 ? { to: 'completed', version: 1 } : { to: 'cancelled', version: 1, reason: 'withdrawn' })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const history = await db.caseHistory.findMany({ where: { caseId: c.id } });
    expect(history).toHaveLength(2);
    expect((await db.pinResetCase.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(2);
  });
});

describe('the agent route', () => {
  const mac = hmacAuthenticator(TEST_LETTER_SECRET);

  it('mailing is recorded by a print run, not by this endpoint', async () => {
    const c = await registered(agentCase);
    const res = await move(c.id, { to: 'inquiry_mailed', version: 1 }, 'print_staff').expect(422);
    expect(res.body.details).toEqual([expect.objectContaining({ code: 'mailed_through_print_run' })]);
  });

  it('refuses a reply after its deadline at the counter; a supervisor accepts it, saying why, and the history keeps it', async () => {
    const c = await registered(agentCase);
    await markMailed(c.id, c.letters[0]!.id, 31); // the deadline was yesterday
    const inquiryNumber = c.letters[0]!.inquiryNumber;
    const reply = { inquiryNumber, checkCode: checkCodeFor(inquiryNumber, mac) };
    const late = await move(c.id, { to: 'reply_returned', version: 2, ...sameAgent, reply, documents: visit2 }).expect(422);
    expect(late.body.details.map((d: { code: string }) => d.code)).toEqual(['reply_late']);
    const noWhy = await move(c.id, { to: 'reply_returned', version: 2, ...sameAgent, reply, documents: visit2 }, 'supervisor').expect(422);
    expect(noWhy.body.details).toEqual([expect.objectContaining({ path: 'note', code: 'late_reply_note_required' })]);
    const why = '入院のため返送が遅れた（入院証明書で確認）';
    const accepted = await move(c.id, { to: 'reply_returned', version: 2, ...sameAgent, reply, documents: visit2, note: why }, 'supervisor').expect(200);
    expect(accepted.body.history.at(-1)).toMatchObject({ to: 'reply_returned', note: why, actor: { username: 'supervisor' } });
  });

  it('accepts a reply from no one once the grace days after the deadline have run out (the application has lapsed)', async () => {
    const c = await registered(agentCase);
    await markMailed(c.id, c.letters[0]!.id, 45); // the deadline was 15 days ago; the default grace is 14
    const inquiryNumber = c.letters[0]!.inquiryNumber;
    const reply = { inquiryNumber, checkCode: checkCodeFor(inquiryNumber, mac) };
    const note = '入院のため返送が遅れた';
    const lapsed = await move(c.id, { to: 'reply_returned', version: 2, ...sameAgent, reply, documents: visit2, note }, 'supervisor').expect(422);
    expect(lapsed.body.details).toEqual([expect.objectContaining({ code: 'reply_lapsed', path: 'reply.inquiryNumber' })]);
    expect(lapsed.body.details[0].message).toContain('失効');
  });

  it('records the reply with the visit-2 documents and the matching codes, then completes', async () => {
    const c = await registered(agentCase);
    await markMailed(c.id, c.letters[0]!.id);
    const inquiryNumber = c.letters[0]!.inquiryNumber;
    const reply = { inquiryNumber: inquiryNumber.toLowerCase(), checkCode: checkCodeFor(inquiryNumber, mac) };

    const missing = await move(c.id, { to: 'reply_returned', version: 2, ...sameAgent, reply, documents: visit2.slice(1) }).expect(422);
    expect(missing.body.details.map((d: { code: string }) => d.code)).toEqual(['sealed_reply_form_missing']);

    const returned = await move(c.id, { to: 'reply_returned', version: 2, ...sameAgent, reply, documents: visit2 }).expect(200);
    expect(returned.body).toMatchObject({ state: 'reply_returned', version: 3 });
    expect(returned.body.documents.filter((d: { visit: number }) => d.visit === 2)).toHaveLength(5);
    const done = await move(c.id, { to: 'completed', version: 3 }).expect(200);
    expect(done.body.history.map((h: { to: string }) => h.to)).toEqual(['received', 'reply_returned', 'completed']);
  });

  it.each([
    [
      'a forged check code',
      (n: string) => ({ inquiryNumber: n, checkCode: checkCodeFor(n, hmacAuthenticator('not-the-municipality-secret-at-all')) }),
      'reply_check_code_mismatch',
    ],
    [
      'a mistyped inquiry number',
      (n: string) => ({ inquiryNumber: `${n.slice(0, -1)}${n.endsWith('0') ? '1' : '0'}`, checkCode: 'ABC-DEF' }),
      'reply_inquiry_number_mistyped',
    ],
    ['no reply at all', () => undefined, 'reply_required'],
  ])('refuses %s', async (_what, replyFor, code) => {
    const c = await registered(agentCase);
    await markMailed(c.id, c.letters[0]!.id);
    const res = await move(c.id, {
      to: 'reply_returned',
      version: 2,
      ...sameAgent,
      reply: replyFor(c.letters[0]!.inquiryNumber),
      documents: visit2,
    }).expect(422);
    expect(res.body.details.map((d: { code: string }) => d.code)).toEqual([code]);
  });

  it('refuses the reply of a superseded letter', async () => {
    const c = await registered(agentCase);
    await markMailed(c.id, c.letters[0]!.id);
    await db.inquiryLetter.update({ where: { id: c.letters[0]!.id }, data: { status: 'superseded' } });
    const n = c.letters[0]!.inquiryNumber;
    const res = await move(c.id, {
      to: 'reply_returned',
      version: 2,
      ...sameAgent,
      reply: { inquiryNumber: n, checkCode: checkCodeFor(n, mac) },
      documents: visit2,
    }).expect(422);
    expect(res.body.details.map((d: { code: string }) => d.code)).toEqual(['reply_superseded']);
  });

  it('cancels a mailed case whose reply is overdue, with the reason in the history', async () => {
    const c = await registered(agentCase);
    await markMailed(c.id, c.letters[0]!.id);
    const res = await move(c.id, { to: 'cancelled', version: 2, reason: 'reply_overdue', note: '期限までに回答なし' }).expect(200);
    expect(res.body.history.at(-1)).toMatchObject({ from: 'inquiry_mailed', to: 'cancelled', reason: 'reply_overdue', note: '期限までに回答なし' });
  });
});
