import { inMunicipality, Prisma, type Database } from '@madoguchi/db';
import { renderMailLedger } from '../ledgers/render-mail-ledger';
import { renderInquiryLetter } from '../letters/render-inquiry-letter';
import { renderPrintRun } from '../letters/render-print-run';
import { renderCompletionNotice } from '../notices/render-completion-notice';

/**
 * For each job whose result the database shows, when the work of an outbox row `o` is still owed:
 * a letter or notice still waiting for its PDF (as the render lock decides: pending, or printed and
 * re-dated without its PDF, never one whose PDF the retention rule removed), a print run still
 * rendering, a day's mailing ledger covering fewer runs than were mailed. The daily jobs are not
 * here: their schedulers are registered again at each connection and catch up a missed day.
 */
/** A letter or notice, named by the payload's `idKey`, still waiting for its PDF. */
const awaitingPdf = (table: 'inquiry_letters' | 'completion_notices', idKey: 'letterId' | 'noticeId') => Prisma.sql`EXISTS (
    SELECT 1 FROM ${Prisma.raw(table)} d WHERE d.id = (o.payload->>${Prisma.raw(`'${idKey}'`)})::uuid AND d.pdf IS NULL AND d.pdf_removed_at IS NULL
      AND (d.status = 'pending' OR (d.status IN ('printed', 'mailed') AND d.issued_on IS NOT NULL)))`;

const OWED: Record<string, Prisma.Sql> = {
  [renderInquiryLetter.name]: awaitingPdf('inquiry_letters', 'letterId'),
  [renderCompletionNotice.name]: awaitingPdf('completion_notices', 'noticeId'),
  [renderPrintRun.name]: Prisma.sql`EXISTS (SELECT 1 FROM print_runs r WHERE r.id = (o.payload->>'printRunId')::uuid AND r.status = 'rendering')`,
  [renderMailLedger.name]: Prisma.sql`(
    SELECT count(*) FROM mail_ledgers m WHERE m.office_id = (o.payload->>'officeId')::uuid AND m.mailed_on = (o.payload->>'day')::date
  ) > coalesce((
    SELECT runs FROM mail_ledger_documents g WHERE g.office_id = (o.payload->>'officeId')::uuid AND g.day = (o.payload->>'day')::date
  ), 0)`,
};

export interface OwedRow {
  id: bigint;
  job: string;
  payload: unknown;
  municipality_id: string;
}

/**
 * Outbox rows handed to Redis since `since` whose work the database still shows owed: the ones a
 * Redis that lost its data (restarted without persistence, flushed) may have dropped. Whether
 * Redis still holds each one's job is for the caller to ask.
 */
export async function owedOutboxRows(db: Database, since: Date): Promise<OwedRow[]> {
  const owed = Object.entries(OWED).map(([job, condition]) => Prisma.sql`(o.job = ${job} AND ${condition})`);
  // The work is read under row-level security, so one municipality at a time: those with rows sent since.
  const municipalities = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT municipality_id AS id FROM outbox_messages WHERE sent_at >= ${since} AND municipality_id IS NOT NULL`;
  const rows: OwedRow[] = [];
  for (const { id } of municipalities) {
    rows.push(
      ...(await inMunicipality(
        id,
        () =>
          db.$queryRaw<OwedRow[]>`
          SELECT o.id, o.job, o.payload, o.municipality_id FROM outbox_messages o
          WHERE o.municipality_id = ${id}::uuid AND o.sent_at >= ${since} AND (${Prisma.join(owed, ' OR ')})`,
      )),
    );
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}
