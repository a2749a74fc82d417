import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { renderInquiryLetter } from '@madoguchi/jobs';
import type { Role } from '@madoguchi/domain';
import request from 'supertest';
import { mailedAgentCase, mergePrintRun, registerAgentCases, renderLetters } from '../testing/agent-cases';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let city: TestMunicipality;

beforeAll(async () => {
  app = await startTestApp();
  city = await testMunicipality(app, db, '990201');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const as = (role: Role) => asStaff(app, city.tokens[role]);
const listLetters = async (filter: object) => {
  const res = await as('print_staff')
    .get('/api/letters')
    .query({ filter: JSON.stringify(filter) })
    .expect(200);
  return { rows: res.body as { id: string; caseId: string; status: string; awaitingPrint: boolean }[], range: res.headers['content-range'] };
};

const mailedCase = () => mailedAgentCase(app, db, city);

describe('GET /api/letters', () => {
  it('lists the letters waiting to be printed, oldest first, and those still with the worker', async () => {
    const cases = await registerAgentCases(app, city.tokens.clerk, 3);
    await renderLetters(db, city, [cases[2]!.letters[0]!.id, cases[0]!.letters[0]!.id]);
    const awaiting = await listLetters({ awaitingPrint: true });
    expect(awaiting.rows.map((l) => l.caseId)).toEqual([cases[0]!.id, cases[2]!.id]);
    expect(awaiting.range).toBe('letters 0-1/2');
    expect(awaiting.rows.every((l) => l.status === 'ready' && l.awaitingPrint)).toBe(true);
    expect((await listLetters({ status: 'pending' })).rows.map((l) => l.caseId)).toEqual([cases[1]!.id]);
    const clerkList = await as('clerk').get('/api/letters').expect(403);
    expect(clerkList.body.code).toBeDefined();
    await as('print_staff')
      .get('/api/letters')
      .query({ filter: JSON.stringify({ status: 'lost' }) })
      .expect(400);
  });
});

describe('GET /api/letters/:id/pdf', () => {
  it('serves the rendered letter; says when it is not rendered yet; 404 for an unknown one', async () => {
    const [c] = await registerAgentCases(app, city.tokens.clerk, 1);
    const id = c!.letters[0]!.id;
    expect((await as('print_staff').get(`/api/letters/${id}/pdf`).expect(409)).body.code).toBe('letter_not_rendered');
    await renderLetters(db, city, [id]);
    const res = await as('print_staff').get(`/api/letters/${id}/pdf`).buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="inquiry-${c!.letters[0]!.inquiryNumber}.pdf"`);
    const served = Buffer.from(res.body);
    expect(served.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(served).digest('hex')).toBe((await db.inquiryLetter.findUniqueOrThrow({ where: { id } })).pdfSha256);
    await as('print_staff').get('/api/letters/00000000-0000-4000-8000-000000000000/pdf').expect(404);
    const other = await testMunicipality(app, db, '990202');
    await request(app.getHttpServer()).get(`/api/letters/${id}/pdf`).set('authorization', `Bearer ${other.tokens.print_staff}`).expect(404);
  });
});

describe('POST /api/letters/:id/retry', () => {
  it('sends a failed letter back to the worker, once', async () => {
    const [c] = await registerAgentCases(app, city.tokens.clerk, 1);
    const id = c!.letters[0]!.id;
    expect((await as('print_staff').post(`/api/letters/${id}/retry`).expect(409)).body.code).toBe('letter_not_failed');
    await db.inquiryLetter.update({ where: { id }, data: { status: 'failed', lastError: 'font exploded' } });
    expect((await listLetters({ status: 'failed' })).rows.map((l) => l.id)).toEqual([id]);

    const res = await as('print_staff').post(`/api/letters/${id}/retry`).expect(200);
    expect(res.body).toMatchObject({ id, status: 'pending', lastError: null });
    const jobs = await db.outboxMessage.findMany({ where: { job: renderInquiryLetter.name }, orderBy: { id: 'desc' }, take: 1 });
    expect(jobs[0]?.payload).toEqual({ letterId: id });
    expect((await as('print_staff').post(`/api/letters/${id}/retry`).expect(409)).body.code).toBe('letter_not_failed');
  });
});

describe('POST /api/cases/:id/letters (reissue)', () => {
  it('replaces a mailed letter with a new one: new inquiry number, old one superseded, a job for the worker, a line in the history', async () => {
    const c = await mailedCase();
    const old = c.letters[0]!;
    const res = await as('clerk').post(`/api/cases/${c.id}/letters`, { version: c.version, reason: 'returned', note: '転居先不明で返戻' }).expect(201);
    expect(res.body.version).toBe(c.version + 1);
    expect(res.body.state).toBe('inquiry_mailed');
    const [first, second] = res.body.letters;
    expect(first).toMatchObject({ id: old.id, status: 'superseded' });
    expect(second).toMatchObject({ status: 'pending', mailedOn: null });
    expect(second.inquiryNumber).not.toBe(old.inquiryNumber);
    expect(res.body.history.at(-1)).toMatchObject({ from: 'inquiry_mailed', to: 'inquiry_mailed', actor: { username: 'clerk_990201' } });
    expect(res.body.history.at(-1)).toMatchObject({
      event: 'letter_reissued',
      details: { reason: 'returned', replacedInquiryNumber: old.inquiryNumber },
      note: '転居先不明で返戻',
    });
    const stored = await db.inquiryLetter.findUniqueOrThrow({ where: { id: second.id } });
    expect({ reissueOfId: stored.reissueOfId, reissueReason: stored.reissueReason }).toEqual({ reissueOfId: old.id, reissueReason: 'returned' });
    const job = await db.outboxMessage.findFirst({ where: { job: renderInquiryLetter.name }, orderBy: { id: 'desc' } });
    expect(job?.payload).toEqual({ letterId: second.id });

    // The new letter goes out through a print run like the first; the case stays waiting for the reply.
    await renderLetters(db, city, [second.id]);
    const run = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: [c.id] })
        .expect(201)
    ).body;
    await mergePrintRun(db, city, run.id);
    await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(200);
    const after = (await as('clerk').get(`/api/cases/${c.id}`).expect(200)).body;
    expect(after).toMatchObject({ state: 'inquiry_mailed', version: c.version + 2 });
    expect(after.letters.map((l: { status: string }) => l.status)).toEqual(['superseded', 'mailed']);
    expect(after.history.at(-1)).toMatchObject({ from: 'inquiry_mailed', to: 'inquiry_mailed', event: 'reissued_letter_mailed', note: null });
  });

  it('refuses a stale screen, a letter not yet mailed, a finished case, an unknown reason and a print operator', async () => {
    const c = await mailedCase();
    expect(
      (
        await as('clerk')
          .post(`/api/cases/${c.id}/letters`, { version: c.version - 1, reason: 'lost' })
          .expect(409)
      ).body.code,
    ).toBe('version_conflict');
    await as('clerk').post(`/api/cases/${c.id}/letters`, { version: c.version, reason: 'stolen' }).expect(400);
    await as('print_staff').post(`/api/cases/${c.id}/letters`, { version: c.version, reason: 'lost' }).expect(403);
    const notePin = await as('clerk').post(`/api/cases/${c.id}/letters`, { version: c.version, reason: 'lost', note: '暗証番号は 4821' }).expect(422);
    expect(JSON.stringify(notePin.body)).not.toContain('4821');

    const [fresh] = await registerAgentCases(app, city.tokens.clerk, 1);
    expect((await as('clerk').post(`/api/cases/${fresh!.id}/letters`, { version: 1, reason: 'lost' }).expect(409)).body.code).toBe('letter_not_yet_mailed');
    await as('clerk').post(`/api/cases/${c.id}/transitions`, { to: 'cancelled', version: c.version, reason: 'withdrawn' }).expect(200);
    expect(
      (
        await as('clerk')
          .post(`/api/cases/${c.id}/letters`, { version: c.version + 1, reason: 'lost' })
          .expect(409)
      ).body.code,
    ).toBe('case_not_awaiting_reply');
    expect(await db.inquiryLetter.count({ where: { caseId: c.id } })).toBe(1);
  });
});
