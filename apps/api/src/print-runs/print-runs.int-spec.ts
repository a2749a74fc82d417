import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { renderPrintRun } from '@madoguchi/jobs';
import { japanDate, type Role } from '@madoguchi/domain';
import request from 'supertest';
import { mergePrintRun, registerAgentCases, renderLetters, type RegisteredCase } from '../testing/agent-cases';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp } from '../testing/test-app';
import { EXAMPLE_SELF_CASE } from '../testing/fixtures';

const db = createDatabaseClient(process.env.DATABASE_URL!);
let app: INestApplication;
let city: TestMunicipality;

beforeAll(async () => {
  app = await startTestApp();
  city = await testMunicipality(app, db, '990101');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const as = (role: Role) => asStaff(app, city.tokens[role]);

/** Agent cases whose letters the worker has rendered: waiting to be printed. */
async function readyCases(count: number): Promise<RegisteredCase[]> {
  const cases = await registerAgentCases(app, city.tokens.clerk, count);
  await renderLetters(
    db,
    city,
    cases.map((c) => c.letters[0]!.id),
  );
  return cases;
}

const waiting = async () =>
  (
    await as('print_staff')
      .get('/api/letters')
      .query({ filter: JSON.stringify({ awaitingPrint: true }) })
      .expect(200)
  ).body as { caseId: string }[];

describe('POST /api/print-runs', () => {
  it('takes the picked letters oldest first, out of the waiting list, and leaves the merge to the worker', async () => {
    const cases = await readyCases(3);
    const res = await as('print_staff')
      .post('/api/print-runs', { caseIds: cases.map((c) => c.id).reverse() })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'rendering',
      letterCount: 3,
      printedOn: japanDate(new Date()),
      createdBy: { username: 'print_staff_990101' },
      pdfSha256: null,
    });
    expect(res.body.letters.map((l: { caseId: string; position: number; status: string }) => [l.caseId, l.position, l.status])).toEqual(
      cases.map((c, i) => [c.id, i, 'printed']),
    );
    expect(await waiting()).toEqual([]);
    const job = await db.outboxMessage.findFirst({ where: { job: renderPrintRun.name }, orderBy: { id: 'desc' } });
    expect(job?.payload).toEqual({ printRunId: res.body.id });
    const pdf = await as('print_staff').get(`/api/print-runs/${res.body.id}/pdf`).expect(409);
    expect(pdf.body.code).toBe('print_run_not_ready');
  });

  it('refuses letters that cannot be printed, naming each, and writes nothing', async () => {
    const [ready] = await readyCases(1);
    const [pending] = await registerAgentCases(app, city.tokens.clerk, 1);
    const self = await as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).expect(201);
    const before = { runs: await db.printRun.count(), outbox: await db.outboxMessage.count() };
    const res = await as('print_staff')
      .post('/api/print-runs', { caseIds: [ready!.id, pending!.id, self.body.id, '00000000-0000-4000-8000-000000000000'] })
      .expect(422);
    expect(res.body.code).toBe('letters_not_printable');
    expect(res.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['caseIds.1', 'letter_not_ready'],
      ['caseIds.2', 'case_has_no_letter'],
      ['caseIds.3', 'case_not_found'],
    ]);
    expect({ runs: await db.printRun.count(), outbox: await db.outboxMessage.count() }).toEqual(before);
    expect((await waiting()).map((l) => l.caseId)).toEqual([ready!.id]);

    const twice = await as('print_staff')
      .post('/api/print-runs', { caseIds: [ready!.id, ready!.id] })
      .expect(400);
    expect(twice.body.details[0]).toMatchObject({ path: 'caseIds', message: '同じ申請が2回指定されています。' });
    await as('print_staff').post('/api/print-runs', { caseIds: [] }).expect(400);
    await as('print_staff')
      .post('/api/print-runs', { caseIds: [ready!.id] })
      .expect(201);
  });

  it('gives each letter to one run only when two are made at once', async () => {
    const cases = await readyCases(4);
    const ids = cases.map((c) => c.id);
    const [a, b] = await Promise.all([as('print_staff').post('/api/print-runs', { caseIds: ids }), as('supervisor').post('/api/print-runs', { caseIds: ids })]);
    expect([a.status, b.status].filter((s) => s === 201)).toHaveLength(1);
    expect([409, 422]).toContain(a.status === 201 ? b.status : a.status);
    expect(await db.inquiryLetter.count({ where: { caseId: { in: ids }, status: 'printed' } })).toBe(4);
  });
});

describe('POST /api/print-runs/:id/mailed', () => {
  it('mails every letter of a rendered run and moves each case to inquiry_mailed, with history, in one go', async () => {
    const cases = await readyCases(3);
    const run = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: cases.map((c) => c.id) })
        .expect(201)
    ).body;
    await mergePrintRun(db, city, run.id);
    const merged = (await as('print_staff').get(`/api/print-runs/${run.id}`).expect(200)).body;
    expect(merged).toMatchObject({ status: 'ready', pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const download = await as('print_staff').get(`/api/print-runs/${run.id}/pdf`).buffer(true).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(Buffer.from(download.body)).digest('hex')).toBe(merged.pdfSha256);

    await as('admin').post(`/api/print-runs/${run.id}/mailed`).expect(403);
    const mailed = await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(200);
    const today = japanDate(new Date());
    expect(mailed.body).toMatchObject({ status: 'mailed', mailedBy: { username: 'print_staff_990101' } });
    expect(mailed.body.letters.every((l: { status: string; mailedOn: string }) => l.status === 'mailed' && l.mailedOn === today)).toBe(true);

    for (const c of cases) {
      const view = (await as('clerk').get(`/api/cases/${c.id}`).expect(200)).body;
      expect(view).toMatchObject({ state: 'inquiry_mailed', version: 2 });
      expect(view.letters[0]).toMatchObject({ status: 'mailed', mailedOn: today, replyDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(view.history.at(-1)).toMatchObject({
        from: 'received',
        to: 'inquiry_mailed',
        actor: { username: 'print_staff_990101', displayName: 'print_staff 990101' },
        event: 'letter_mailed',
        note: null,
      });
    }
    expect((await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(409)).body.code).toBe('print_run_already_mailed');
    expect((await as('print_staff').post(`/api/print-runs/${run.id}/cancel`).expect(409)).body.code).toBe('print_run_already_mailed');
  });

  it('refuses a run still being rendered', async () => {
    const cases = await readyCases(1);
    const run = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: cases.map((c) => c.id) })
        .expect(201)
    ).body;
    expect((await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(409)).body.code).toBe('print_run_not_ready');
  });

  it('makes staff hold back the letter of a case cancelled after printing, and mails the rest', async () => {
    const [keep, drop] = await readyCases(2);
    const run = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: [keep!.id, drop!.id] })
        .expect(201)
    ).body;
    await mergePrintRun(db, city, run.id);
    await as('clerk').post(`/api/cases/${drop!.id}/transitions`, { to: 'cancelled', version: 1, reason: 'withdrawn' }).expect(200);

    const refused = await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: `letters.${drop!.receiptNumber}`, code: 'letter_must_be_held_back' })]);
    expect((await as('clerk').get(`/api/cases/${keep!.id}`)).body.state).toBe('received');

    const stranger = await as('print_staff')
      .post(`/api/print-runs/${run.id}/mailed`, { withheldCaseIds: [drop!.id, '00000000-0000-4000-8000-000000000000'] })
      .expect(422);
    expect(stranger.body.details).toEqual([expect.objectContaining({ path: 'withheldCaseIds.1', code: 'case_not_in_run' })]);

    const mailed = await as('print_staff')
      .post(`/api/print-runs/${run.id}/mailed`, { withheldCaseIds: [drop!.id] })
      .expect(200);
    expect(mailed.body.letters.map((l: { caseId: string }) => l.caseId)).toEqual([keep!.id]);
    expect((await as('clerk').get(`/api/cases/${keep!.id}`)).body.state).toBe('inquiry_mailed');
    const held = await db.inquiryLetter.findFirstOrThrow({ where: { caseId: drop!.id } });
    expect({ status: held.status, printRunId: held.printRunId }).toEqual({ status: 'ready', printRunId: null });
    expect((await waiting()).map((l) => l.caseId)).not.toContain(drop!.id);
  });
});

describe('POST /api/print-runs/:id/cancel', () => {
  it('drops an unmailed run; its letters wait for the next one', async () => {
    const cases = await readyCases(2);
    const run = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: cases.map((c) => c.id) })
        .expect(201)
    ).body;
    const cancelled = await as('print_staff').post(`/api/print-runs/${run.id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', letters: [] });
    expect((await waiting()).map((l) => l.caseId)).toEqual(expect.arrayContaining(cases.map((c) => c.id)));
    expect((await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(409)).body.code).toBe('print_run_cancelled');
    expect((await as('print_staff').get(`/api/print-runs/${run.id}/pdf`).expect(409)).body.code).toBe('print_run_cancelled');
    // The letters can go into a new run at once.
    await as('print_staff')
      .post('/api/print-runs', { caseIds: cases.map((c) => c.id) })
      .expect(201);
  });
});

describe('GET /api/print-runs', () => {
  it('lists the runs newest first in simple-rest form, and finds one run; another municipality sees neither', async () => {
    const res = await as('print_staff')
      .get('/api/print-runs')
      .query({ range: JSON.stringify([0, 1]) })
      .expect(200);
    expect(res.headers['content-range']).toMatch(/^print-runs 0-1\/\d+$/);
    expect(res.body).toHaveLength(2);
    expect(res.body[0].createdAt >= res.body[1].createdAt).toBe(true);
    expect(res.body[0]).not.toHaveProperty('letters');
    await as('print_staff').get(`/api/print-runs/${res.body[0].id}`).expect(200);
    const cancelled = await as('print_staff')
      .get('/api/print-runs')
      .query({ filter: JSON.stringify({ status: 'cancelled' }) })
      .expect(200);
    expect(cancelled.body.every((r: { status: string }) => r.status === 'cancelled')).toBe(true);

    const other = await testMunicipality(app, db, '990102');
    await request(app.getHttpServer()).get(`/api/print-runs/${res.body[0].id}`).set('authorization', `Bearer ${other.tokens.print_staff}`).expect(404);
    expect((await request(app.getHttpServer()).get('/api/print-runs').set('authorization', `Bearer ${other.tokens.print_staff}`).expect(200)).body).toEqual([]);
    await as('print_staff').get('/api/print-runs/not-a-uuid').expect(404);
  });
});
