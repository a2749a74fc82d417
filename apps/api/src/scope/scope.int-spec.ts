import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { QUEUE } from '@madoguchi/jobs';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { registerAgentCases } from '../testing/agent-cases';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp } from '../testing/test-app';

/**
 * Every filter a caller sends narrows their own municipality, never replaces it: each route that
 * takes an office id, asked by municipality A about an office of municipality B, answers 404, and
 * B's cases, jobs and policy stay out of A's answers.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let a: TestMunicipality;
let b: TestMunicipality;
let bCaseIds: string[];

beforeAll(async () => {
  app = await startTestApp();
  a = await testMunicipality(app, db, '990701');
  b = await testMunicipality(app, db, '990702');
  await registerAgentCases(app, a.tokens.clerk, 1);
  bCaseIds = (await registerAgentCases(app, b.tokens.clerk, 2)).map((c) => c.id);
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const officeFilter = (officeId: string) => `filter=${encodeURIComponent(JSON.stringify({ officeId }))}`;
const OFFICE_NOT_FOUND = { code: 'office_not_found', details: [expect.objectContaining({ code: 'office_not_found' })] };

describe('an office of another municipality, sent as a filter, is 404 and reveals nothing', () => {
  it.each([
    [
      'supervisor',
      'GET /api/supervision/open-agent-cases',
      (office: string) => asStaff(app, a.tokens.supervisor).get(`/api/supervision/open-agent-cases?officeId=${office}`),
    ],
    ['clerk', 'GET /api/cases', (office: string) => asStaff(app, a.tokens.clerk).get(`/api/cases?${officeFilter(office)}`)],
    ['print_staff', 'GET /api/letters', (office: string) => asStaff(app, a.tokens.print_staff).get(`/api/letters?${officeFilter(office)}`)],
    ['print_staff', 'GET /api/print-runs', (office: string) => asStaff(app, a.tokens.print_staff).get(`/api/print-runs?${officeFilter(office)}`)],
    ['admin', 'GET /api/users', (office: string) => asStaff(app, a.tokens.admin).get(`/api/users?${officeFilter(office)}`)],
    [
      'clerk',
      'POST /api/requirements',
      (office: string) =>
        asStaff(app, a.tokens.clerk).post('/api/requirements', {
          officeId: office,
          route: 'self',
          reason: 'forgotten',
          pins: ['user_auth'],
          holder: { birthDate: '1980-01-01', adultWard: false, hasSignatureCertificate: true },
        }),
    ],
  ])('%s: %s', async (_role, _route, ask) => {
    const res = await ask(b.officeId).expect(404);
    expect(res.body).toMatchObject(OFFICE_NOT_FOUND);
    expect(JSON.stringify(res.body)).not.toContain(bCaseIds[0]);
    // The caller's own office is a filter that narrows, and answers.
    await ask(a.officeId).expect((r) => expect([200, 201]).toContain(r.status));
  });

  it("the supervisor's open agent cases of their own office are theirs only", async () => {
    const res = await asStaff(app, a.tokens.supervisor).get(`/api/supervision/open-agent-cases?officeId=${a.officeId}`).expect(200);
    expect(res.body.total).toBe(1);
    const all = await asStaff(app, a.tokens.supervisor).get('/api/supervision/open-agent-cases').expect(200);
    expect(all.body.oldest.map((c: { id: string }) => c.id)).not.toEqual(expect.arrayContaining([bCaseIds[0]]));
  });

  it("the case list's rows and its total, counted in the same statement, are the caller's municipality's", async () => {
    const own = await db.pinResetCase.count({ where: { municipalityId: a.municipalityId } });
    const res = await asStaff(app, a.tokens.clerk).get('/api/cases').expect(200);
    expect(res.headers['content-range']).toBe(`cases 0-${own - 1}/${own}`);
    expect(res.body.map((c: { id: string }) => c.id)).not.toEqual(expect.arrayContaining([bCaseIds[0]]));
    // B's cases asked for by id: a filter narrows A's list to nothing, and the total says 0.
    const asked = await asStaff(app, a.tokens.clerk)
      .get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ id: bCaseIds }))}`)
      .expect(200);
    expect(asked.body).toEqual([]);
    expect(asked.headers['content-range']).toBe('cases 0-0/0');
  });
});

describe("the queue overview is the caller's municipality's", () => {
  it('counts only its own outbox rows and lists only its own dead jobs', async () => {
    // B's letters die in the queue: a real BullMQ failure under the run's prefix.
    const prefix = process.env.REDIS_PREFIX!;
    const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const [forEvents, forWorker] = [connection.duplicate(), connection.duplicate()];
    const queue = new Queue(QUEUE.letters, { connection, prefix });
    const events = new QueueEvents(QUEUE.letters, { connection: forEvents, prefix });
    await events.waitUntilReady();
    const bLetter = (await db.inquiryLetter.findFirstOrThrow({ where: { caseId: bCaseIds[0] } })).id;
    const worker = new Worker(
      QUEUE.letters,
      async () => {
        throw new Error('the scope test fails this job');
      },
      { connection: forWorker, prefix },
    );
    try {
      const job = await queue.add('render-inquiry-letter', { letterId: bLetter }, { jobId: `scope-test-${bLetter}`, attempts: 1 });
      await job.waitUntilFinished(events).catch(() => undefined);

      const asA = await asStaff(app, a.tokens.supervisor).get('/api/supervision/queue').expect(200);
      expect(asA.body.outbox.unsent).toBe(1);
      expect(asA.body.queueReachable).toBe(true);
      expect(asA.body.deadJobs).toEqual([]);
      const asB = await asStaff(app, b.tokens.supervisor).get('/api/supervision/queue').expect(200);
      expect(asB.body.outbox.unsent).toBe(2);
      expect(asB.body.deadJobs).toEqual([expect.objectContaining({ id: `scope-test-${bLetter}`, reason: 'the scope test fails this job' })]);
      expect(asB.body.deadJobs[0]).not.toHaveProperty('data');
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
      for (const c of [connection, forEvents, forWorker]) c.disconnect();
    }
  });
});
