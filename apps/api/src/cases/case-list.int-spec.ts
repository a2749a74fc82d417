import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import request from 'supertest';
import { loginEveryRole, startTestApp } from '../testing/test-app';
import { asStaff, testMunicipality } from '../testing/municipality';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let clerk: string;
const ids: Record<string, { id: string; receiptNumber: string; inquiryNumber?: string }> = {};

const holder = (familyNameKana: string) => ({
  familyName: '試験',
  givenName: '花子',
  familyNameKana,
  givenNameKana: 'ハナコ',
  birthDate: '1950-04-01',
  postalCode: '135-8383',
  address: '東京都江東区東陽4-11-28',
  adultWard: false,
  hasSignatureCertificate: true,
});
const selfCase = (kana: string) => ({
  route: 'self',
  reason: 'locked',
  pins: ['user_auth'],
  holder: holder(kana),
  documents: [
    { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
    { presentedBy: 'holder', type: 'qualification_certificate' },
  ],
});
const agentCase = (kana: string) => ({
  route: 'voluntary_agent',
  reason: 'forgotten',
  pins: ['resident_registry'],
  holder: holder(kana),
  representative: { kind: 'agent', familyName: '試験', givenName: '太郎', familyNameKana: 'シケン', givenNameKana: 'タロウ', birthDate: '1975-03-03' },
  documents: [{ presentedBy: 'representative', type: 'passport', expiresOn: '2099-01-01' }],
  // No register connected (the default policy): the clerk checked the typed address against the 住民票.
  attested: ['holder_address_checked'],
});

beforeAll(async () => {
  app = await startTestApp();
  clerk = (await loginEveryRole(app)).clerk;
  const post = async (name: string, body: object) => {
    const res = await request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${clerk}`).send(body).expect(201);
    ids[name] = { id: res.body.id, receiptNumber: res.body.receiptNumber, inquiryNumber: res.body.letters[0]?.inquiryNumber };
  };
  await post('self', selfCase('リストアイ'));
  await post('agentWaiting', agentCase('リストウエ'));
  await post('agentOverdue', agentCase('リストオカ'));
  // The overdue one was mailed long ago; the deadline has passed.
  const letter = await db.inquiryLetter.findFirstOrThrow({ where: { caseId: ids.agentOverdue!.id } });
  await db.inquiryLetter.update({
    where: { id: letter.id },
    data: { status: 'mailed', mailedOn: new Date('2026-01-05T00:00:00Z'), replyDeadline: new Date('2026-02-04T00:00:00Z') },
  });
  await db.pinResetCase.update({ where: { id: ids.agentOverdue!.id }, data: { state: 'inquiry_mailed', version: 2 } });
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

function list(params: Record<string, unknown>) {
  const query = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)]));
  return request(app.getHttpServer()).get('/api/cases').query(query).set('authorization', `Bearer ${clerk}`);
}
const found = (body: { id: string }[]) => body.map((r) => r.id);

describe('GET /api/cases', () => {
  it('answers rows and Content-Range in react-admin’s simple-rest form', async () => {
    const res = await list({ filter: { q: 'リスト' }, sort: ['receiptNumber', 'ASC'], range: [0, 1] }).expect(200);
    expect(res.headers['content-range']).toBe('cases 0-1/3');
    expect(found(res.body)).toEqual([ids.self!.id, ids.agentWaiting!.id]);
    expect(res.body[0]).toMatchObject({
      receiptNumber: ids.self!.receiptNumber,
      state: 'received',
      route: 'self',
      holderName: '試験 花子',
      holderKana: 'リストアイ ハナコ',
      overdue: false,
    });
    const page2 = await list({ filter: { q: 'リスト' }, sort: ['receiptNumber', 'ASC'], range: [2, 3] }).expect(200);
    expect(page2.headers['content-range']).toBe('cases 2-2/3');
    expect(found(page2.body)).toEqual([ids.agentOverdue!.id]);
  });

  it('sorts by state in its order (not its name’s), and says the total for a page past the end', async () => {
    const all = await list({ filter: { route: 'voluntary_agent' }, sort: ['state', 'DESC'], range: [0, 24] }).expect(200);
    const total = Number(/\/(\d+)$/.exec(all.headers['content-range'] as string)![1]);
    expect(total).toBeGreaterThan(1);
    expect(all.body).toHaveLength(total);
    const order = ['received', 'inquiry_mailed', 'reply_returned', 'completed', 'cancelled'];
    const states = (all.body as { state: string }[]).map((r) => order.indexOf(r.state));
    expect(states).toEqual([...states].sort((x, y) => y - x));
    const past = await list({ filter: { route: 'voluntary_agent' }, range: [total + 5, total + 9] }).expect(200);
    expect(past.body).toEqual([]);
    expect(past.headers['content-range']).toBe(`cases ${total + 5}-${total + 5}/${total}`);
  });

  it.each([
    ['state', { state: 'inquiry_mailed' }, ['agentOverdue']],
    ['several states', { state: ['received', 'inquiry_mailed'], route: 'voluntary_agent' }, ['agentWaiting', 'agentOverdue']],
    ['route', { route: 'self' }, ['self']],
    ['overdue', { overdue: true }, ['agentOverdue']],
    ['kana typed in hiragana', { q: 'りすとう' }, ['agentWaiting']],
    ['half-width kana', { q: 'ﾘｽﾄｱ' }, ['self']],
  ])('filters by %s', async (_what, filter, names) => {
    const res = await list({ filter: { ...filter, ...('q' in filter ? {} : { q: 'リスト' }) }, sort: ['receiptNumber', 'ASC'] }).expect(200);
    expect(found(res.body)).toEqual(names.map((n) => ids[n]!.id));
  });

  it('finds a case by its receipt number or its inquiry number as typed', async () => {
    expect(found((await list({ filter: { q: ids.self!.receiptNumber.toLowerCase() } }).expect(200)).body)).toEqual([ids.self!.id]);
    const typed = ids.agentWaiting!.inquiryNumber!.replace(/-/g, ' ').toLowerCase();
    expect(found((await list({ filter: { q: typed } }).expect(200)).body)).toEqual([ids.agentWaiting!.id]);
  });

  it('marks overdue rows', async () => {
    const res = await list({ filter: { id: [ids.agentOverdue!.id] } }).expect(200);
    expect(res.body[0]).toMatchObject({ overdue: true, replyDeadline: '2026-02-04' });
  });

  it.each([[{ filter: 'not json' }], [{ range: [0, 500] }], [{ sort: ['holderPin', 'ASC'] }], [{ filter: { pin: '1234' } }]])(
    'refuses a bad query with 400: %j',
    async (params) => {
      const query = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      const res = await request(app.getHttpServer()).get('/api/cases').query(query).set('authorization', `Bearer ${clerk}`).expect(400);
      expect(res.body.code).toBe('invalid_request');
    },
  );
});

describe('the total of a large result', () => {
  it('is counted up to LIST_COUNT_CAP and then said to be a floor', async () => {
    const capped = await startTestApp({ LIST_COUNT_CAP: '2' });
    try {
      const res = await request(capped.getHttpServer())
        .get('/api/cases')
        .query({ range: JSON.stringify([0, 0]) })
        .set('authorization', `Bearer ${clerk}`)
        .expect(200);
      expect(res.headers['content-range']).toBe('cases 0-0/2');
      expect(res.headers['x-total-capped']).toBe('true');
      const small = await request(capped.getHttpServer())
        .get('/api/cases')
        .query({ filter: JSON.stringify({ id: [ids.self!.id] }) })
        .set('authorization', `Bearer ${clerk}`)
        .expect(200);
      expect(small.headers['content-range']).toBe('cases 0-0/1');
      expect(small.headers['x-total-capped']).toBeUndefined();
    } finally {
      await capped.close();
    }
  });

  it('of a search is not counted: the answer says whether there is a next page', async () => {
    const first = await list({ filter: { q: 'リスト' }, range: [0, 1] }).expect(200);
    expect(first.body).toHaveLength(2);
    expect(first.headers['content-range']).toBe('cases 0-1/3');
    expect(first.headers['x-total-capped']).toBe('true');
    const last = await list({ filter: { q: 'リスト' }, range: [2, 3] }).expect(200);
    expect(last.body).toHaveLength(1);
    expect(last.headers['content-range']).toBe('cases 2-2/3');
    expect(last.headers['x-total-capped']).toBeUndefined();
  });

  it('a search reads an entry only the ways it can be read: a name is not a receipt number', async () => {
    expect((await list({ filter: { q: 'りすとあい' } }).expect(200)).body.map((r: { id: string }) => r.id)).toEqual([ids.self!.id]);
    expect((await list({ filter: { q: 'no such thing' } }).expect(200)).body).toEqual([]);
  });
});

describe('GET /api/cases: a name as written', () => {
  it('finds names by their kanji start, a common form finding its variant, within the caller’s municipality only', async () => {
    const city = await testMunicipality(app, db, '990801');
    const other = await testMunicipality(app, db, '990802');
    const register = async (token: string, familyName: string, givenName: string) =>
      (
        await asStaff(app, token)
          .post('/api/cases', { ...selfCase('カンジ'), holder: { ...holder('カンジ'), familyName, givenName } })
          .expect(201)
      ).body.id as string;
    const takahashi = await register(city.tokens.clerk, '髙橋', '一郎');
    const yoshida = await register(city.tokens.clerk, '𠮷田', '花子');
    const watanabe = await register(city.tokens.clerk, '渡邊', '恵');
    const elsewhere = await register(other.tokens.clerk, '髙橋', '次郎');
    const search = async (q: string) =>
      found(
        (
          await asStaff(app, city.tokens.clerk)
            .get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q }))}`)
            .expect(200)
        ).body,
      );

    expect(await search('高橋')).toEqual([takahashi]);
    expect(await search('髙橋')).toEqual([takahashi]);
    expect(await search('高橋一')).toEqual([takahashi]);
    expect(await search('吉田')).toEqual([yoshida]);
    expect(await search('渡辺')).toEqual([watanabe]);
    expect(await search('橋')).toEqual([]);
    expect(await search('高橋')).not.toContain(elsewhere);
    // The names stay exactly as typed.
    expect((await asStaff(app, city.tokens.clerk).get(`/api/cases/${yoshida}`).expect(200)).body.holder.familyName).toBe('𠮷田');
  });
});
