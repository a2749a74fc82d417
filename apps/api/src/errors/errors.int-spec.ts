import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { BODY_LIMIT } from '../app';
import { DEMO_PASSWORD, loginEveryRole, startTestApp } from '../testing/test-app';

let app: INestApplication;
let tokens: Awaited<ReturnType<typeof loginEveryRole>>;
beforeAll(async () => {
  app = await startTestApp();
  tokens = await loginEveryRole(app);
});
afterAll(() => app.close());

describe('error answers', () => {
  it('an unknown path is a 404 in the shape of the contract, in Japanese', async () => {
    const res = await request(app.getHttpServer()).get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({ code: 'not_found', message: '指定されたものが見つかりません。', details: [] });
  });

  it('malformed JSON is a 400, never a 500', async () => {
    const res = await request(app.getHttpServer()).post('/api/cases').set('content-type', 'application/json').send('{"route": ').expect(400);
    expect(res.body).toEqual({ code: 'bad_request', message: 'リクエストの形式が正しくありません。', details: [] });
  });

  it('does not advertise the framework', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('a body past the limit is a 413 before anything reads it', async () => {
    const huge = JSON.stringify({ username: 'clerk', password: 'x'.repeat(BODY_LIMIT) });
    const res = await request(app.getHttpServer()).post('/api/auth/login').set('content-type', 'application/json').send(huge).expect(413);
    expect(res.body).toEqual({ code: 'payload_too_large', message: '送信された内容が大きすぎます。', details: [] });
  });

  it('a body of a type the API does not read is a 415 that says to send JSON', async () => {
    const res = await request(app.getHttpServer()).post('/api/auth/login').set('content-type', 'application/xml').send('<login/>').expect(415);
    expect(res.body).toEqual({ code: 'unsupported_media_type', message: 'JSON で送信してください。', details: [] });
  });

  it("JSON that would set an object's prototype is refused as malformed", async () => {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"username": "clerk", "password": "x", "__proto__": {"role": "admin"}}')
      .expect(400);
    expect(res.body.code).toBe('bad_request');
  });
});

describe('requests as the console sends them', () => {
  it('a POST that names JSON but carries nothing (fetchJson does so) is taken as having no body', async () => {
    const { accessToken } = (await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'clerk', password: DEMO_PASSWORD }).expect(200))
      .body as { accessToken: string };
    await request(app.getHttpServer())
      .post('/api/auth/logout')
      .set('authorization', `Bearer ${accessToken}`)
      .set('content-type', 'application/json')
      .expect(204);
    await request(app.getHttpServer()).get('/api/auth/me').set('authorization', `Bearer ${accessToken}`).expect(401);
  });

  it('a path with a trailing slash is the same route', async () => {
    const res = await request(app.getHttpServer()).get('/api/cases/').set('authorization', `Bearer ${tokens.clerk}`).expect(200);
    expect(res.headers['content-range']).toMatch(/^cases \d+-\d+\/\d+$/);
  });
});
