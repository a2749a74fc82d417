import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startTestApp } from '../testing/test-app';

let app: INestApplication;
beforeAll(async () => {
  app = await startTestApp();
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
});
