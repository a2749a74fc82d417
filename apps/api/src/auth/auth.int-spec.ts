import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DEMO_PASSWORD, loginEveryRole, startTestApp, TEST_AUTH_SECRET } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
const http = () => request(app.getHttpServer());
const login = (username: string, password: string) => http().post('/api/auth/login').send({ username, password });

beforeAll(async () => {
  app = await startTestApp();
  await loginEveryRole(app); // seeds the demo users
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});
beforeEach(() => db.loginThrottle.deleteMany());

describe('login', () => {
  it('answers a token, its expiry and who logged in; never the password or its hash', async () => {
    const res = await login('clerk', DEMO_PASSWORD).expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresAt: expect.any(String),
      user: { id: expect.any(String), username: 'clerk', displayName: '窓口 一郎', role: 'clerk', officeId: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|test-demo-password/);
    const me = await http().get('/api/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await login('clerk', 'not-the-password').expect(401);
    const unknown = await login('nobody', 'not-the-password').expect(401);
    expect(wrong.body).toEqual({ code: 'invalid_credentials', message: 'ユーザー名またはパスワードが正しくありません。', details: [] });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a malformed body with details', async () => {
    const res = await http().post('/api/auth/login').send({ username: 'clerk' }).expect(400);
    expect(res.body.details).toEqual([{ path: 'password', code: 'value_required', message: '入力してください。' }]);
  });

  it('backs off a username at one address after 5 failures, right password included, while the user logs in from another PC', async () => {
    const from = (address: string, username: string, password: string) =>
      http().post('/api/auth/login').set('x-forwarded-for', address).send({ username, password });
    for (let i = 0; i < 4; i++) await from('10.0.0.7', 'supervisor', `wrong-${i}`).expect(401);
    await from('10.0.0.7', 'supervisor', DEMO_PASSWORD).expect(200); // a success resets the count
    for (let i = 0; i < 5; i++) await from('10.0.0.7', 'supervisor', `wrong-${i}`).expect(401);
    const held = await from('10.0.0.7', 'supervisor', DEMO_PASSWORD).expect(429);
    expect(held.body.code).toBe('login_backoff');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    await from('10.0.0.8', 'supervisor', DEMO_PASSWORD).expect(200); // the real user, at another counter

    // An unknown username is held back exactly alike: the answer does not tell who exists.
    for (let i = 0; i < 5; i++) await from('10.0.0.7', 'no.such.user', `wrong-${i}`).expect(401);
    const unknown = await from('10.0.0.7', 'no.such.user', 'anything').expect(429);
    expect({ ...unknown.body, message: '' }).toEqual({ ...held.body, message: '' });

    // The back-off is in the database: a restarted API still holds it; once it has passed, the right password works.
    const restarted = await startTestApp();
    try {
      await request(restarted.getHttpServer())
        .post('/api/auth/login')
        .set('x-forwarded-for', '10.0.0.7')
        .send({ username: 'supervisor', password: DEMO_PASSWORD })
        .expect(429);
    } finally {
      await restarted.close();
    }
    await db.loginThrottle.updateMany({ data: { blockedUntil: new Date(Date.now() - 1000) } });
    await from('10.0.0.7', 'supervisor', DEMO_PASSWORD).expect(200);
  });

  it('believes X-Forwarded-For only from the proxies it is told of', async () => {
    const untrusting = await startTestApp({ TRUST_PROXY: '10.99.99.99' });
    try {
      const attempt = (address: string) =>
        request(untrusting.getHttpServer()).post('/api/auth/login').set('x-forwarded-for', address).send({ username: 'admin', password: 'wrong' });
      // Each attempt claims another address; not believed, they all count against this machine's one.
      for (let i = 0; i < 5; i++) await attempt(`10.1.0.${i}`).expect(401);
      await attempt('10.1.0.99').expect(429);
    } finally {
      await untrusting.close();
    }
  });

  it('refuses a deactivated user', async () => {
    await db.staffUser.updateMany({ where: { username: 'print_staff' }, data: { active: false } });
    try {
      await login('print_staff', DEMO_PASSWORD).expect(401);
    } finally {
      await db.staffUser.updateMany({ where: { username: 'print_staff' }, data: { active: true } });
    }
  });
});

describe('tokens', () => {
  async function token(): Promise<string> {
    return (await login('clerk', DEMO_PASSWORD).expect(200)).body.accessToken as string;
  }
  const me = (t: string | undefined) => {
    const req = http().get('/api/auth/me');
    return t === undefined ? req : req.set('authorization', `Bearer ${t}`);
  };

  it('a missing, tampered or foreign token is 401', async () => {
    const good = await token();
    await me(undefined).expect(401);
    const [header, payload, signature] = good.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'someone-else' })).toString(
      'base64url',
    );
    await me(`${header}.${otherPayload}.${signature}`).expect(401);
    await me(new JwtService({ secret: 'a-different-secret-of-enough-length!!' }).sign({ sid: 'x', sub: 'y' })).expect(401);
    const res = await me('garbage').expect(401);
    expect(res.body).toEqual({ code: 'unauthenticated', message: 'ログインしてください。', details: [] });
  });

  it('an expired token or session is 401', async () => {
    const good = await token();
    const claims = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString()) as { sid: string; sub: string };
    const expired = new JwtService({ secret: TEST_AUTH_SECRET }).sign({ sid: claims.sid, sub: claims.sub }, { expiresIn: -10 });
    await me(expired).expect(401);
    await db.staffSession.update({ where: { id: claims.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await me(good).expect(401);
  });

  it('logout ends the session at once', async () => {
    const t = await token();
    await me(t).expect(200);
    await http().post('/api/auth/logout').set('authorization', `Bearer ${t}`).expect(204);
    await me(t).expect(401);
  });

  it('deactivating a user ends their sessions', async () => {
    const t = (await login('admin', DEMO_PASSWORD).expect(200)).body.accessToken as string;
    await db.staffUser.updateMany({ where: { username: 'admin' }, data: { active: false } });
    try {
      await me(t).expect(401);
    } finally {
      await db.staffUser.updateMany({ where: { username: 'admin' }, data: { active: true } });
    }
  });
});

describe('throttling', () => {
  it('answers 429 once one address tries too often, before 20 tries', async () => {
    const throttled = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        // A name each time, so the per-name back-off does not answer first.
        statuses.push(
          (
            await request(throttled.getHttpServer())
              .post('/api/auth/login')
              .send({ username: `nobody-${i}`, password: 'x' })
          ).status,
        );
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
      const res = await request(throttled.getHttpServer()).post('/api/auth/login').send({ username: 'nobody', password: 'x' }).expect(429);
      expect(res.body).toEqual({ code: 'too_many_requests', message: '操作が多すぎます。しばらく待ってからやり直してください。', details: [] });
    } finally {
      await throttled.close();
    }
  });
});
