import type { INestApplication } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { renderInquiryLetter, renderPrintRun } from '@madoguchi/jobs';
import { runOutbox, testJobContext } from '@madoguchi/jobs/testing';
import request from 'supertest';
import type { CaseView, PrintRunView } from '@madoguchi/contract';
import { EXAMPLE_AGENT_CASE } from './fixtures';
import { asStaff, type TestMunicipality } from './municipality';
import { TEST_LETTER_SECRET } from './test-app';

export interface RegisteredCase {
  id: string;
  version: number;
  receiptNumber: string;
  letters: { id: string; inquiryNumber: string; status: string }[];
}

/** Register agent cases through the API, one after another (so their letters are in that order). */
export async function registerAgentCases(app: INestApplication, clerkToken: string, count: number): Promise<RegisteredCase[]> {
  const cases: RegisteredCase[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${clerkToken}`).send(EXAMPLE_AGENT_CASE).expect(201);
    cases.push(res.body as RegisteredCase);
  }
  return cases;
}

/**
 * The worker's part, done here and now: the real jobs a municipality's requests put in the outbox,
 * run in this process by the jobs' own driver (no Redis, no worker process), the letters' check
 * codes made with the key the API checks them with. `only` picks some of the jobs; the rest wait.
 */
export function runJobs(db: Database, city: TestMunicipality, only?: (job: string, payload: Record<string, unknown>) => boolean): Promise<number> {
  return runOutbox(testJobContext(db, TEST_LETTER_SECRET), { municipalityId: city.municipalityId, only });
}

/** Render these letters (their render jobs only). */
export function renderLetters(db: Database, city: TestMunicipality, letterIds: readonly string[]): Promise<number> {
  return runJobs(db, city, (job, payload) => job === renderInquiryLetter.name && letterIds.includes(String(payload.letterId)));
}

/** Merge this print run (its job only). */
export function mergePrintRun(db: Database, city: TestMunicipality, printRunId: string): Promise<number> {
  return runJobs(db, city, (job, payload) => job === renderPrintRun.name && payload.printRunId === printRunId);
}

/** Agent cases whose letters were rendered and put into one print run by print staff, merged: printed, not yet mailed. */
export async function printedRun(
  app: INestApplication,
  db: Database,
  city: TestMunicipality,
  count: number,
): Promise<{ cases: RegisteredCase[]; run: PrintRunView }> {
  const cases = await registerAgentCases(app, city.tokens.clerk, count);
  await renderLetters(
    db,
    city,
    cases.map((c) => c.letters[0]!.id),
  );
  const run = (
    await asStaff(app, city.tokens.print_staff)
      .post('/api/print-runs', { caseIds: cases.map((c) => c.id) })
      .expect(201)
  ).body as PrintRunView;
  await mergePrintRun(db, city, run.id);
  return { cases, run };
}

/** An agent case whose letter went out through a real print run: the holder now has the reply form. */
export async function mailedAgentCase(app: INestApplication, db: Database, city: TestMunicipality): Promise<CaseView> {
  const { cases, run } = await printedRun(app, db, city, 1);
  await asStaff(app, city.tokens.print_staff).post(`/api/print-runs/${run.id}/mailed`).expect(200);
  return (await asStaff(app, city.tokens.clerk).get(`/api/cases/${cases[0]!.id}`).expect(200)).body as CaseView;
}
