import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { renderInquiryLetter } from '@madoguchi/jobs';
import { japanDate } from '@madoguchi/domain';
import request from 'supertest';
import { hashPassword } from '../auth/passwords';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { loginEveryRole, startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let clerk: string;

beforeAll(async () => {
  app = await startTestApp();
  clerk = (await loginEveryRole(app)).clerk;
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

/** The contract's example, with the representative's kana typed in half-width and a bare postal code. */
const agentCase = {
  ...EXAMPLE_AGENT_CASE,
  holder: { ...EXAMPLE_AGENT_CASE.holder, postalCode: '1358383' },
  representative: { ...EXAMPLE_AGENT_CASE.representative, familyNameKana: 'ｺｳﾄｳ' },
};
const selfCase = {
  ...agentCase,
  route: 'self',
  representative: null,
  documents: [
    { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
    { presentedBy: 'holder', type: 'qualification_certificate' },
  ],
};

const register = (body: unknown, key?: string) => {
  const req = request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${clerk}`);
  return (key ? req.set('idempotency-key', key) : req).send(body as object);
};
const counts = async () => ({ cases: await db.pinResetCase.count(), outbox: await db.outboxMessage.count(), letters: await db.inquiryLetter.count() });

describe('POST /api/cases', () => {
  it('registers an agent case: case, parties, documents, history, its letter and the letter’s outbox row', async () => {
    const res = await register(agentCase).expect(201);
    const year = japanDate(new Date()).slice(0, 4);
    expect(res.headers.location).toBe(`/api/cases/${res.body.id}`);
    expect(res.body).toMatchObject({
      receiptNumber: expect.stringMatching(new RegExp(`^999999-HQ-${year}-\\d{5}$`)),
      state: 'received',
      route: 'voluntary_agent',
      version: 1,
      pins: ['user_auth', 'resident_registry'],
      note: '代理人は長男',
      policyVersion: (await db.policyVersion.findFirstOrThrow({ where: { municipality: { code: '999999' } }, orderBy: { version: 'desc' } })).version,
      holder: { familyName: '江東', familyNameKana: 'コウトウ', birthDate: '1950-04-01', postalCode: '135-8383', adultWard: false },
      representative: { kind: 'agent', familyNameKana: 'コウトウ', birthDate: '1975-03-03', postalCode: '135-0016' },
      documents: [{ visit: 1, presentedBy: 'representative', type: 'drivers_license', expiresOn: '2099-05-01', issuedOn: null }],
      letters: [{ status: 'pending', inquiryNumber: expect.stringMatching(/^[0-9A-Y]{3}-[0-9A-Y]{3}-[0-9A-Y]{3}$/), mailedOn: null, replyDeadline: null }],
      history: [{ from: null, to: 'received', actor: { username: 'clerk' }, reason: null }],
    });
    const outbox = await db.outboxMessage.findMany({ where: { payload: { equals: { letterId: res.body.letters[0].id } } } });
    expect(outbox.map((o) => o.job)).toEqual([renderInquiryLetter.name]);

    const read = await request(app.getHttpServer()).get(`/api/cases/${res.body.id}`).set('authorization', `Bearer ${clerk}`).expect(200);
    expect(read.body).toEqual(res.body);
  });

  it('a self case has no letter and nothing for the queue; receipt numbers count up', async () => {
    const before = await counts();
    const first = await register(selfCase).expect(201);
    const second = await register(selfCase).expect(201);
    expect(first.body.letters).toEqual([]);
    const [, , , a] = first.body.receiptNumber.split('-');
    const [, , , b] = second.body.receiptNumber.split('-');
    expect(Number(b)).toBe(Number(a) + 1);
    expect(await counts()).toEqual({ ...before, cases: before.cases + 2 });
  });

  it('refuses with 422 and what is missing when the rules are not met, writing nothing', async () => {
    const before = await counts();
    const res = await register({ ...agentCase, documents: [], pins: ['signature'], holder: { ...agentCase.holder, hasSignatureCertificate: false } }).expect(
      422,
    );
    expect(res.body).toEqual({
      code: 'requirements_not_met',
      message: '申請の要件を満たしていないため、受付できません。',
      details: [
        { path: 'pins', code: 'signature_no_certificate', message: '署名用電子証明書が発行されていないため、署名用の暗証番号はありません。' },
        {
          path: 'documents.agent_first_visit_id',
          code: 'agent_first_visit_id_missing',
          message: '代理人の本人確認書類があと1点必要です（写真付きの公的書類）。',
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses the agent route for a child or an adult ward, pointing to the legal representative, writing nothing', async () => {
    const before = await counts();
    const child = await register({ ...agentCase, holder: { ...agentCase.holder, birthDate: '2015-04-01' } }).expect(422);
    expect(child.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'route', code: 'agent_holder_under_15' })]));
    expect(child.body.details.find((d: { code: string }) => d.code === 'agent_holder_under_15').message).toContain('法定代理人');
    const ward = await register({ ...agentCase, holder: { ...agentCase.holder, adultWard: true } }).expect(422);
    expect(ward.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'route', code: 'agent_holder_adult_ward' })]));
    expect(await counts()).toEqual(before);
  });

  it('takes the agent’s own マイナンバーカード as their photo ID', async () => {
    const res = await register({ ...agentCase, documents: [{ presentedBy: 'representative', type: 'my_number_card', expiresOn: '2099-01-01' }] }).expect(201);
    expect(res.body.documents).toEqual([expect.objectContaining({ presentedBy: 'representative', type: 'my_number_card' })]);
  });

  it('refuses a body without the holder’s name with 400 and the field', async () => {
    const { familyName: _dropped, ...holder } = agentCase.holder;
    const res = await register({ ...agentCase, holder }).expect(400);
    expect(res.body.details).toEqual([{ path: 'holder.familyName', code: 'value_required', message: '入力してください。' }]);
  });

  it('keeps a name’s variant characters exactly as typed, and makes its widths uniform', async () => {
    const res = await register({ ...selfCase, holder: { ...selfCase.holder, familyName: '\uFA10本', givenName: 'ﾊﾅｺ' } }).expect(201);
    expect(res.body.holder).toMatchObject({ familyName: '\uFA10本', givenName: 'ハナコ' });
    const stored = await db.party.findFirstOrThrow({ where: { caseId: res.body.id, role: 'holder' } });
    expect(stored.familyName).toBe('\uFA10本');
  });

  it('refuses a birth date in the future as malformed input', async () => {
    const res = await register({ ...agentCase, holder: { ...agentCase.holder, birthDate: '2999-01-01' } }).expect(400);
    expect(res.body.details).toEqual([{ path: 'holder.birthDate', code: 'birth_date_in_future', message: '生年月日が未来の日付になっています。' }]);
  });
});

describe('secrets stay out', () => {
  const NUMBER = '123456789018'; // a valid individual number (check digit 8)
  const PIN = '4821';

  it.each([
    ['holder.address', { ...agentCase, holder: { ...agentCase.holder, address: `東京都江東区東陽 ${NUMBER}` } }],
    ['representative.address', { ...agentCase, representative: { ...agentCase.representative, address: `個人番号 ${NUMBER}` } }],
    ['note', { ...agentCase, note: `個人番号は ${NUMBER}` }],
    ['note', { ...agentCase, note: `暗証番号 ${PIN} を希望` }],
  ])('a planted secret in %s is refused and stored nowhere', async (path, body) => {
    const before = await counts();
    const res = await register(body).expect(422);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${NUMBER}|${PIN}`));
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an extra pin field', { ...agentCase, pin: PIN }],
    ['a new PIN beside the holder', { ...agentCase, holder: { ...agentCase.holder, newPin: PIN } }],
    ['an individual number field', { ...agentCase, holder: { ...agentCase.holder, individualNumber: NUMBER } }],
    ['digits in a name', { ...agentCase, holder: { ...agentCase.holder, givenName: NUMBER } }],
    ['digits in a kana name', { ...agentCase, representative: { ...agentCase.representative, givenNameKana: PIN } }],
  ])('%s is refused at the edge', async (_what, body) => {
    const res = await register(body).expect(400);
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${NUMBER}|${PIN}`));
  });

  it('nothing planted reached any table', async () => {
    // The outbox payloads hold the ids of rows the whole run made; a random UUID may hold 4821 by chance, so
    // the ids are taken out before looking (nothing typed at the counter can become an id).
    const hits = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM (
         SELECT note AS t FROM cases UNION ALL SELECT address FROM parties UNION ALL SELECT family_name FROM parties
         UNION ALL SELECT given_name FROM parties
         UNION ALL SELECT regexp_replace(payload::text, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '', 'g') FROM outbox_messages
       ) all_text WHERE t LIKE '%${NUMBER}%' OR t LIKE '%${PIN}%'`,
    );
    expect(Number(hits[0]!.n)).toBe(0);
  });
});

describe('Idempotency-Key', () => {
  it('a double-clicked submit makes one case and answers both with it', async () => {
    const before = await counts();
    const key = `double-click-${Date.now()}`;
    const first = await register(agentCase, key).expect(201);
    const second = await register(agentCase, key).expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await counts()).toEqual({ cases: before.cases + 1, letters: before.letters + 1, outbox: before.outbox + 1 });
  });

  it('concurrent submits with one key make one case', async () => {
    const before = await counts();
    const key = `concurrent-${Date.now()}`;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => register(selfCase, key)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await counts()).cases).toBe(before.cases + 1);
  });

  it('the same key with a different body is a conflict', async () => {
    const key = `reused-${Date.now()}`;
    await register(selfCase, key).expect(201);
    const res = await register({ ...selfCase, pins: ['card_info'] }, key).expect(409);
    expect(res.body.code).toBe('idempotency_key_reused');
    await register(selfCase, 'short').expect(400);
  });
});

describe('GET /api/cases/:id', () => {
  const get = (id: string, token = clerk) => request(app.getHttpServer()).get(`/api/cases/${id}`).set('authorization', `Bearer ${token}`);

  it('404 for an unknown or malformed id', async () => {
    await get('00000000-0000-4000-8000-000000000000').expect(404);
    const res = await get('not-a-uuid').expect(404);
    expect(res.body.code).toBe('case_not_found');
  });

  it('another municipality’s staff cannot see the case', async () => {
    const created = await register(selfCase).expect(201);
    const other = await db.municipality.create({ data: { code: '011002', name: '札幌市' } });
    const office = await db.office.create({
      data: {
        code: 'SAPPORO',
        name: '札幌市役所',
        municipalityId: other.id,
        postalCode: '060-8611',
        address: '札幌市中央区北1条西2丁目',
        phone: '011-211-2111',
      },
    });
    await db.staffUser.create({
      data: { username: 'sapporo_clerk', displayName: '札幌 職員', role: 'clerk', officeId: office.id, passwordHash: await hashPassword('sapporo-password') },
    });
    const login = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'sapporo_clerk', password: 'sapporo-password' }).expect(200);
    await get(created.body.id, login.body.accessToken).expect(404);
  });
});
