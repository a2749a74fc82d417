import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startTestApp } from '../testing/test-app';

describe('GET /health', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers 200 when PostgreSQL and Redis both answer; ready and alive too', async () => {
    app = await startTestApp();
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
    expect((await request(app.getHttpServer()).get('/health/ready').expect(200)).body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
    expect((await request(app.getHttpServer()).get('/health/live').expect(200)).body).toEqual({ status: 'alive' });
  });

  it('answers 503 naming Redis when Redis is down, without hanging', async () => {
    app = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    const started = Date.now();
    const res = await request(app.getHttpServer()).get('/health').expect(503);
    expect(res.body).toEqual({ status: 'degraded', database: 'up', redis: 'down' });
    expect(Date.now() - started).toBeLessThan(5000);
    // Still ready: registrations go on without Redis, their letters wait in the outbox.
    expect((await request(app.getHttpServer()).get('/health/ready').expect(200)).body).toEqual({ status: 'degraded', database: 'up', redis: 'down' });
  });

  it('answers 503 naming the database when it cannot be reached', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = '/madoguchi_no_such_database';
    app = await startTestApp({ DATABASE_URL: url.toString() });
    const res = await request(app.getHttpServer()).get('/health').expect(503);
    expect(res.body).toEqual({ status: 'degraded', database: 'down', redis: 'up' });
    // Not ready without its database, yet alive: nothing for a service manager to restart.
    expect((await request(app.getHttpServer()).get('/health/ready').expect(503)).body).toEqual({ status: 'degraded', database: 'down', redis: 'up' });
    expect((await request(app.getHttpServer()).get('/health/live').expect(200)).body).toEqual({ status: 'alive' });
  });
});
