import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import request from 'supertest';
import { hashPassword } from '../auth/passwords';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { startTestApp } from '../testing/test-app';

/**
 * The platform's operators (#19): they onboard a municipality (its policy from a preset, its first
 * office and administrator), suspend and resume one, and see counts — never a case, a name or a
 * letter: their token opens no staff route, and what they are answered carries numbers only.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let operator: string;
const OPERATOR = { username: 'ops_platform', password: 'platform-operator-password' };

const CITY = {
  code: '991221',
  name: '運用市',
  preset: 'koto',
  office: { code: 'UNYO', name: '運用市役所 市民課', postalCode: '1350016', address: '運用県運用市本町1-1', phone: '03-0000-1221' },
  admin: { username: 'kanri_platform', displayName: '管理 一郎', password: 'first-admin-password' },
};

const http = () => request(app.getHttpServer());
const asOperator = (token = operator) => ({
  get: (path: string) => http().get(path).set('authorization', `Bearer ${token}`).set('accept-language', 'ja'),
  post: (path: string, body: object) => http().post(path).set('authorization', `Bearer ${token}`).set('accept-language', 'ja').send(body),
  patch: (path: string, body: object) => http().patch(path).set('authorization', `Bearer ${token}`).set('accept-language', 'ja').send(body),
});
const staffLogin = (password = CITY.admin.password) =>
  http().post('/api/auth/login').send({ username: CITY.admin.username, password, municipalityCode: CITY.code });

beforeAll(async () => {
  app = await startTestApp();
  await db.platformOperator.create({ data: { username: OPERATOR.username, displayName: '運用 一子', passwordHash: await hashPassword(OPERATOR.password) } });
  operator = (await http().post('/api/platform/auth/login').send(OPERATOR).expect(200)).body.accessToken as string;
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

describe('the platform', () => {
  let cityId: string;

  it('onboards a municipality: its policy from the preset, its office, its administrator, and an entry in its audit log', async () => {
    const res = await asOperator().post('/api/platform/municipalities', CITY).expect(201);
    expect(res.body).toMatchObject({ code: CITY.code, name: CITY.name, suspendedAt: null, offices: 1, staff: 1, cases: 0, openCases: 0, letters: 0 });
    cityId = res.body.id as string;
    const office = await db.office.findFirstOrThrow({ where: { municipalityId: cityId } });
    expect(office).toMatchObject({ code: 'UNYO', postalCode: '135-0016' });
    const policy = await db.policyVersion.findFirstOrThrow({ where: { municipalityId: cityId } });
    expect(policy.version).toBe(1);
    const events = await db.platformEvent.findMany({ where: { subjectId: cityId } });
    expect(events.map((e) => [e.action, e.operatorId])).toEqual([['municipality_onboarded', expect.any(String)]]);
    // The administrator logs in and works in the new municipality.
    const admin = (await staffLogin().expect(200)).body.accessToken as string;
    const offices = await http().get('/api/offices').set('authorization', `Bearer ${admin}`).expect(200);
    expect(offices.body.map((o: { code: string }) => o.code)).toEqual(['UNYO']);
  });

  it('refuses a code already taken and a bad body, in Japanese, creating nothing', async () => {
    const before = await db.municipality.count();
    const taken = await asOperator().post('/api/platform/municipalities', CITY).expect(409);
    expect(taken.body).toMatchObject({ code: 'municipality_code_taken', message: 'この団体コードの自治体はすでに登録されています。' });
    const bad = await asOperator()
      .post('/api/platform/municipalities', { ...CITY, code: '99122', office: { ...CITY.office, code: 'hq' }, admin: { ...CITY.admin, password: 'short' } })
      .expect(400);
    expect(bad.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual(
      expect.arrayContaining([
        ['code', 'municipality_code_malformed'],
        ['office.code', 'office_code_malformed'],
        ['admin.password', 'password_too_short'],
      ]),
    );
    expect(await db.municipality.count()).toBe(before);
  });

  it('shows each municipality with counts only: no case, name or letter in what it answers', async () => {
    const admin = (await staffLogin().expect(200)).body.accessToken as string;
    const { id: clerkOffice } = await db.office.findFirstOrThrow({ where: { municipalityId: cityId } });
    await http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({ username: 'madoguchi', displayName: '窓口 花子', role: 'clerk', officeId: clerkOffice, password: 'first-clerk-password' })
      .expect(201);
    const clerk = (
      await http().post('/api/auth/login').send({ username: 'madoguchi', password: 'first-clerk-password', municipalityCode: CITY.code }).expect(200)
    ).body.accessToken as string;
    const made = await http().post('/api/cases').set('authorization', `Bearer ${clerk}`).send(EXAMPLE_AGENT_CASE).expect(201);

    const all = await asOperator().get('/api/platform/municipalities').expect(200);
    const mine = all.body.find((m: { id: string }) => m.id === cityId);
    expect(mine).toMatchObject({ staff: 2, cases: 1, openCases: 1, letters: 1 });
    const text = JSON.stringify(all.body);
    for (const secret of [made.body.receiptNumber, EXAMPLE_AGENT_CASE.holder.familyName, made.body.letters[0].inquiryNumber, '窓口 花子']) {
      expect(text).not.toContain(secret);
    }
  });

  it("adds an office to a municipality, its code the municipality's own", async () => {
    const office = { code: 'EAST', name: '運用市 東出張所', postalCode: '135-0017', address: '運用県運用市東1-1', phone: '03-0000-1222' };
    const res = await asOperator().post(`/api/platform/municipalities/${cityId}/offices`, office).expect(201);
    expect(res.body.offices).toBe(2);
    const again = await asOperator().post(`/api/platform/municipalities/${cityId}/offices`, office).expect(409);
    expect(again.body).toMatchObject({ code: 'office_code_taken', message: 'この自治体にはこの窓口コードがすでにあります。' });
    await asOperator().post('/api/platform/municipalities/00000000-0000-4000-8000-000000000000/offices', office).expect(404);
    const admin = (await staffLogin().expect(200)).body.accessToken as string;
    const seen = await http().get('/api/offices').set('authorization', `Bearer ${admin}`).expect(200);
    expect(seen.body.map((o: { code: string }) => o.code).sort()).toEqual(['EAST', 'UNYO']);
    const events = await db.platformEvent.findMany({ where: { subjectId: cityId, action: 'office_added' } });
    expect(events).toHaveLength(1);
  });

  it("never opens a staff route to an operator's token, nor a platform route to a staff token", async () => {
    const admin = (await staffLogin().expect(200)).body.accessToken as string;
    for (const path of ['/api/cases', '/api/auth/me', '/api/letters', '/api/users']) {
      const res = await asOperator().get(path).expect(401);
      expect(res.body.code).toBe('unauthenticated');
    }
    await asOperator(admin).get('/api/platform/municipalities').expect(401);
    await http().get('/api/platform/municipalities').expect(401);
  });

  it('suspends a municipality: its staff are logged out at once and cannot log in; resumed, they can again', async () => {
    const admin = (await staffLogin().expect(200)).body.accessToken as string;
    const suspended = await asOperator().patch(`/api/platform/municipalities/${cityId}`, { suspended: true }).expect(200);
    expect(suspended.body.suspendedAt).not.toBeNull();
    await http().get('/api/auth/me').set('authorization', `Bearer ${admin}`).expect(401);
    await staffLogin().expect(401);
    await asOperator().patch(`/api/platform/municipalities/${cityId}`, { suspended: false }).expect(200);
    await staffLogin().expect(200);
    const events = await db.platformEvent.findMany({ where: { subjectId: cityId }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['municipality_onboarded', 'office_added', 'municipality_suspended', 'municipality_resumed']);
    await asOperator().patch('/api/platform/municipalities/00000000-0000-4000-8000-000000000000', { suspended: true }).expect(404);
  });
});
