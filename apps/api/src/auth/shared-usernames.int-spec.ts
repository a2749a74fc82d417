import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient, policyColumn } from '@madoguchi/db';
import { DEFAULT_POLICY } from '@madoguchi/domain';
import request from 'supertest';
import { EXAMPLE_SELF_CASE } from '../testing/fixtures';
import { startTestApp } from '../testing/test-app';
import { hashPassword } from './passwords';

/**
 * On a platform of many municipalities, office codes and usernames are each municipality's own:
 * two cities may both have an office DOMEI and an administrator `kanri_shared`. A login names its
 * municipality (団体コード) when the username alone does not tell, and each sees its own cases only.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
const CITIES = [
  { code: '991211', password: 'first-city-password' },
  { code: '991212', password: 'second-city-password' },
];

beforeAll(async () => {
  app = await startTestApp();
  for (const city of CITIES) {
    const municipality = await db.municipality.create({ data: { code: city.code, name: `同名市${city.code}` } });
    await db.policyVersion.create({ data: { municipalityId: municipality.id, version: 1, policy: policyColumn(DEFAULT_POLICY) } });
    const office = await db.office.create({
      data: { code: 'DOMEI', name: '本庁 市民課', municipalityId: municipality.id, postalCode: '100-0001', address: '同名県同名市1-1', phone: '03-0000-0001' },
    });
    await db.staffUser.create({
      data: { username: 'kanri_shared', displayName: `管理 ${city.code}`, role: 'clerk', officeId: office.id, passwordHash: await hashPassword(city.password) },
    });
  }
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const login = (body: object) => request(app.getHttpServer()).post('/api/auth/login').set('accept-language', 'ja').send(body);

describe('a username two municipalities share', () => {
  it('asks for the municipality code, in Japanese, and logs no one in without it', async () => {
    const res = await login({ username: 'kanri_shared', password: CITIES[0]!.password }).expect(401);
    expect(res.body).toMatchObject({ code: 'municipality_required', message: 'このユーザー名は複数の自治体にあります。団体コード（6桁）も入力してください。' });
    expect(await db.staffSession.count({ where: { user: { username: 'kanri_shared' } } })).toBe(0);
  });

  it("logs each city's user in with its code and password, and not with the other city's password", async () => {
    await login({ username: 'kanri_shared', password: CITIES[1]!.password, municipalityCode: CITIES[0]!.code }).expect(401);
    for (const city of CITIES) {
      const res = await login({ username: 'kanri_shared', password: city.password, municipalityCode: city.code }).expect(200);
      expect(res.body.user.displayName).toBe(`管理 ${city.code}`);
    }
    const refused = await login({ username: 'kanri_shared', password: 'x', municipalityCode: '12345' }).expect(400);
    expect(refused.body.details[0].path).toBe('municipalityCode');
  });

  it('shows each city its own cases only; both number them DOMEI-…, after their own municipality code', async () => {
    const tokens = [];
    for (const city of CITIES) {
      tokens.push((await login({ username: 'kanri_shared', password: city.password, municipalityCode: city.code }).expect(200)).body.accessToken as string);
    }
    const made = [];
    for (const token of tokens) {
      made.push((await request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${token}`).send(EXAMPLE_SELF_CASE).expect(201)).body);
    }
    // The same office code and running number; each number carries its city's code, so none is ambiguous.
    expect(made.map((m) => m.receiptNumber)).toEqual(CITIES.map((c) => expect.stringMatching(new RegExp(`^${c.code}-DOMEI-\\d{4}-00001$`))));
    for (const [i, token] of tokens.entries()) {
      const list = await request(app.getHttpServer()).get('/api/cases').set('authorization', `Bearer ${token}`).expect(200);
      expect(list.body.map((c: { id: string }) => c.id)).toEqual([made[i].id]);
      // Typed without the code, as a clerk at the counter may: the caller's city completes it.
      const short = (made[i].receiptNumber as string).slice('991211-'.length);
      const found = await request(app.getHttpServer())
        .get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: short }))}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      expect(found.body.map((c: { id: string }) => c.id)).toEqual([made[i].id]);
      await request(app.getHttpServer())
        .get(`/api/cases/${made[1 - i].id}`)
        .set('authorization', `Bearer ${token}`)
        .expect(404);
    }
  });
});
