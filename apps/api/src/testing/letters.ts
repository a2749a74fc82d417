import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { dateColumn, type Database } from '@madoguchi/db';
import { DEFAULT_POLICY, japanDate, replyDeadline } from '@madoguchi/domain';
import request from 'supertest';
import type { CaseView } from '@madoguchi/contract';
import { EXAMPLE_AGENT_CASE } from './fixtures';
import { asStaff, type TestMunicipality } from './municipality';

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

/** The bytes the API tests use for a rendered PDF (the worker's own tests render real letters). */
export function testPdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${label}\n%%EOF\n`);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What the worker's render job leaves behind: a ready letter with its PDF and printed dates. */
export async function renderedByWorker(db: Database, letterId: string, issuedOn = japanDate(new Date())): Promise<Buffer> {
  const pdf = testPdf(`letter ${letterId}`);
  await db.inquiryLetter.update({
    where: { id: letterId },
    data: { status: 'ready', pdf: new Uint8Array(pdf), pdfSha256: sha256(pdf), renderedAt: new Date(), issuedOn: dateColumn(issuedOn), replyDeadline: dateColumn(replyDeadline(issuedOn, DEFAULT_POLICY)) },
  });
  return pdf;
}

/** What the worker's print-run job leaves behind: the run ready, with its merged PDF. */
export async function printRunRenderedByWorker(db: Database, printRunId: string): Promise<Buffer> {
  const pdf = testPdf(`print run ${printRunId}`);
  await db.printRun.update({ where: { id: printRunId }, data: { status: 'ready', pdf: new Uint8Array(pdf), pdfSha256: sha256(pdf), renderedAt: new Date() } });
  return pdf;
}

/** An agent case whose letter went out through a real print run: the holder now has the reply form. */
export async function mailedAgentCase(app: INestApplication, db: Database, city: TestMunicipality): Promise<CaseView> {
  const [c] = await registerAgentCases(app, city.tokens.clerk, 1);
  await renderedByWorker(db, c!.letters[0]!.id);
  const printStaff = asStaff(app, city.tokens.print_staff);
  const run = (await printStaff.post('/api/print-runs', { caseIds: [c!.id] }).expect(201)).body as { id: string };
  await printRunRenderedByWorker(db, run.id);
  await printStaff.post(`/api/print-runs/${run.id}/mailed`).expect(200);
  return (await asStaff(app, city.tokens.clerk).get(`/api/cases/${c!.id}`).expect(200)).body as CaseView;
}
