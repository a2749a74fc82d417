import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import request from 'supertest';
import { registerAgentCases, renderLetters } from '../testing/agent-cases';
import { testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let city: TestMunicipality;

beforeAll(async () => {
  app = await startTestApp();
  city = await testMunicipality(app, db, '990401');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const overview = (server = app) => request(server.getHttpServer()).get('/api/supervision/queue').set('authorization', `Bearer ${city.tokens.supervisor}`);

describe('GET /api/supervision/queue', () => {
  it('shows the letters by status, the stuck and the failed ones, and whether the queue answers', async () => {
    const [ready, stuck, failed, fresh] = await registerAgentCases(app, city.tokens.clerk, 4);
    await renderLetters(db, city, [ready!.letters[0]!.id]);
    await db.inquiryLetter.update({ where: { id: stuck!.letters[0]!.id }, data: { updatedAt: new Date(Date.now() - 20 * 60_000) } });
    await db.inquiryLetter.update({ where: { id: failed!.letters[0]!.id }, data: { status: 'failed', lastError: 'UnprintableLetterError: no address' } });

    const res = await overview().expect(200);
    expect(res.body.letters).toEqual({ pending: 2, ready: 1, printed: 0, failed: 1 });
    expect(res.body.stuckLetters.map((l: { caseId: string }) => l.caseId)).toEqual([stuck!.id]);
    expect(res.body.failedLetters).toEqual([expect.objectContaining({ caseId: failed!.id, lastError: 'UnprintableLetterError: no address' })]);
    expect(res.body.stuckLetters.map((l: { caseId: string }) => l.caseId)).not.toContain(fresh!.id);
    // Registrations wrote their jobs to the outbox; only the ready letter's has run, the others wait there.
    expect(res.body.outbox.unsent).toBe(3);
    expect(res.body.queueReachable).toBe(true);
    expect(res.body.deadJobs).toEqual([]);
  });

  it('still answers, promptly, while Redis is away: the database part, and the queue unreachable', async () => {
    const cut = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const started = Date.now();
      const res = await overview(cut).expect(200);
      expect(Date.now() - started).toBeLessThan(10000);
      expect(res.body.queueReachable).toBe(false);
      expect(res.body.deadJobs).toBeNull();
      expect(res.body.letters.pending).toBe(2);
    } finally {
      await cut.close();
    }
  });
});
