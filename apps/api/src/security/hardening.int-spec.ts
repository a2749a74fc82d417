import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { loadApiConfig } from '../config/api-config';
import { TEST_AUTH_SECRET } from '../testing/test-app';
import { useTestCity } from '../testing/test-city';

/** The hardening of the security issue (point 7), as a client meets it. */
const t = useTestCity('990712');
const as = t.as;

describe('hardening', () => {
  it('listens on this machine only unless told otherwise', () => {
    const base = { ...process.env, HOST: undefined, AUTH_SECRET: TEST_AUTH_SECRET, LETTER_SECRET: TEST_AUTH_SECRET };
    expect(loadApiConfig(base).HOST).toBe('127.0.0.1');
    expect(loadApiConfig({ ...base, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('sends no-sniff, no-frame, no-referrer and no-store on every answer, refusals included', async () => {
    for (const res of [
      await as('clerk').get('/api/cases'),
      await request(t.app.getHttpServer()).get('/api/cases'),
      await request(t.app.getHttpServer()).get('/health'),
    ]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('takes % and _ in search text literally', async () => {
    const users = async (q: string) =>
      (
        (
          await as('admin')
            .get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ q }))}`)
            .expect(200)
        ).body as { username: string }[]
      ).map((u) => u.username);
    expect(await users('%')).toEqual([]);
    expect(await users('k_990712')).toEqual(['clerk_990712']);
    expect(await users('c_e')).toEqual([]);
    const cases = await as('clerk')
      .get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: '%' }))}`)
      .expect(200);
    expect(cases.body).toEqual([]);
  });

  it('bounds how far into a list a page may start', async () => {
    const res = await as('clerk')
      .get(`/api/cases?range=${encodeURIComponent('[10001,10010]')}`)
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'range', code: 'range_too_far' })]);
    await as('clerk')
      .get(`/api/cases?range=${encodeURIComponent('[10000,10009]')}`)
      .expect(200);
  });

  it('answers 401, not 500, to a signed token whose claims are malformed', async () => {
    const jwt = new JwtService({ secret: TEST_AUTH_SECRET });
    for (const claims of [{ sid: { $ne: null }, sub: 1 }, { sid: 'not-a-uuid' }, { sid: ['x'], sub: null }, {}]) {
      const token = await jwt.signAsync(claims);
      const res = await request(t.app.getHttpServer()).get('/api/cases').set('authorization', `Bearer ${token}`);
      expect([JSON.stringify(claims), res.status]).toEqual([JSON.stringify(claims), 401]);
    }
  });

  it('refuses a password that is common, one character, or holds the username, and takes a good one', async () => {
    const base = { username: 'hardened', displayName: '窓口 強化', role: 'clerk', officeId: t.city.officeId };
    const refusedFor = async (password: string) =>
      (
        (
          await as('admin')
            .post('/api/users', { ...base, password })
            .expect(400)
        ).body.details as { code: string }[]
      ).map((d) => d.code);
    expect(await refusedFor('Password2026!')).toEqual(['password_too_common']);
    expect(await refusedFor('zzzzzzzzzzzz')).toEqual(['password_one_character']);
    expect(await refusedFor('hardened-2026-pw')).toEqual(['password_has_username']);
    const created = await as('admin')
      .post('/api/users', { ...base, password: 'kujira-no-sora-ni-ame' })
      .expect(201);
    const reset = await as('admin').post(`/api/users/${created.body.id}/password`, { password: 'qwertyuiop12' }).expect(400);
    expect(reset.body.details).toEqual([expect.objectContaining({ code: 'password_too_common' })]);
  });
});
