import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import request from 'supertest';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let city: TestMunicipality;
let other: TestMunicipality;

beforeAll(async () => {
  app = await startTestApp();
  city = await testMunicipality(app, db, '990501');
  other = await testMunicipality(app, db, '990502');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const admin = () => asStaff(app, city.tokens.admin);
const login = (username: string, password: string) => request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
const me = (token: string) => request(app.getHttpServer()).get('/api/auth/me').set('authorization', `Bearer ${token}`);

describe('/api/users', () => {
  it('creates an account that can log in at once, its password stored only as an argon2id hash', async () => {
    const res = await admin()
      .post('/api/users', { username: 'new.clerk', displayName: '新人 職員', role: 'clerk', officeId: city.officeId, password: 'a-long-first-password' })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      username: 'new.clerk',
      displayName: '新人 職員',
      role: 'clerk',
      officeId: city.officeId,
      active: true,
      createdAt: expect.any(String),
    });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: res.body.id } })).passwordHash).toMatch(/^\$argon2id\$/);
    await login('new.clerk', 'a-long-first-password').expect(200);
    expect(
      (
        await admin()
          .get('/api/users')
          .query({ filter: JSON.stringify({ q: 'new.' }) })
          .expect(200)
      ).body.map((u: { username: string }) => u.username),
    ).toEqual(['new.clerk']);
  });

  it('refuses a taken username, a short password, an unknown role and an office of another municipality', async () => {
    const base = { displayName: '職員', role: 'clerk', officeId: city.officeId, password: 'a-long-first-password' };
    expect(
      (
        await admin()
          .post('/api/users', { ...base, username: 'clerk_990501' })
          .expect(409)
      ).body.code,
    ).toBe('username_taken');
    const short = await admin()
      .post('/api/users', { ...base, username: 'short.pw', password: 'short' })
      .expect(400);
    expect(short.body.details).toEqual([expect.objectContaining({ path: 'password', message: 'パスワードは12文字以上にしてください。' })]);
    await admin()
      .post('/api/users', { ...base, username: 'bad.role', role: 'mayor' })
      .expect(400);
    expect(
      (
        await admin()
          .post('/api/users', { ...base, username: 'elsewhere', officeId: other.officeId })
          .expect(404)
      ).body.code,
    ).toBe('office_not_found');
    expect(await db.staffUser.count({ where: { username: { in: ['short.pw', 'bad.role', 'elsewhere'] } } })).toBe(0);
  });

  it('deactivating an account ends its logins at once and refuses new ones', async () => {
    const user = (
      await admin()
        .post('/api/users', { username: 'leaving', displayName: '退職 予定', role: 'clerk', officeId: city.officeId, password: 'a-long-first-password' })
        .expect(201)
    ).body;
    const token = (await login('leaving', 'a-long-first-password').expect(200)).body.accessToken as string;
    await me(token).expect(200);
    expect((await admin().put(`/api/users/${user.id}`, { active: false }).expect(200)).body.active).toBe(false);
    await me(token).expect(401);
    await login('leaving', 'a-long-first-password').expect(401);
  });

  it('a password reset ends the old logins', async () => {
    const user = (
      await admin()
        .post('/api/users', { username: 'forgetful', displayName: '忘れ 太郎', role: 'clerk', officeId: city.officeId, password: 'a-long-first-password' })
        .expect(201)
    ).body;
    const token = (await login('forgetful', 'a-long-first-password').expect(200)).body.accessToken as string;
    const res = await admin().post(`/api/users/${user.id}/password`, { password: 'a-brand-new-password' }).expect(200);
    expect(res.body.username).toBe('forgetful');
    await me(token).expect(401);
    await login('forgetful', 'a-long-first-password').expect(401);
    await login('forgetful', 'a-brand-new-password').expect(200);
  });

  it('an administrator cannot deactivate or demote themselves, and sees only their municipality', async () => {
    const self = (await me(city.tokens.admin).expect(200)).body as { id: string };
    expect((await admin().put(`/api/users/${self.id}`, { active: false }).expect(422)).body.code).toBe('cannot_demote_self');
    expect((await admin().put(`/api/users/${self.id}`, { role: 'clerk' }).expect(422)).body.code).toBe('cannot_demote_self');
    const stranger = await db.staffUser.findFirstOrThrow({ where: { username: 'clerk_990502' } });
    await admin().get(`/api/users/${stranger.id}`).expect(404);
    await admin().put(`/api/users/${stranger.id}`, { active: false }).expect(404);
    const list = await admin().get('/api/users').expect(200);
    expect(list.headers['content-range']).toMatch(/^users 0-\d+\/\d+$/);
    expect(list.body.every((u: { username: string }) => u.username.includes('990501') || ['new.clerk', 'leaving', 'forgetful'].includes(u.username))).toBe(
      true,
    );
  });
});
