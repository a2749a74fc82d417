import { randomBytes } from 'node:crypto';
import { createDatabaseClient, dateColumn } from '@madoguchi/db';
import { addDays, japanDate } from '@madoguchi/domain';
import type { JobContext } from '../job';
import { dailyTestCity, testJobContext } from '../testing';
import { removeExpiredPdfs } from './remove-expired-pdfs';

/**
 * The retention rule on the real database: PDFs of cases ended longer ago than the policy keeps
 * them are deleted, their rows keeping SHA-256, numbers and dates; a mailed run's PDF goes with the
 * last of its pieces; what is recent, open or a ledger is kept; a second run of the day does nothing.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const ctx: JobContext = testJobContext(db, randomBytes(32).toString('base64'));
const TODAY = japanDate(new Date());
const PDF = new Uint8Array(Buffer.from('%PDF-1.7 test'));
const SHA = 'a'.repeat(64);

afterAll(() => db.$disconnect());

/** A mailed print run of the city's office, made `daysAgo` days ago, its PDF stored. */
const mailedRun = (city: { officeId: string; clerkId: string }, daysAgo: number) =>
  db.printRun.create({
    data: {
      officeId: city.officeId,
      createdById: city.clerkId,
      letterCount: 2,
      printedOn: dateColumn(addDays(TODAY, -daysAgo)),
      status: 'mailed',
      pdf: PDF,
      pdfSha256: SHA,
    },
  });

describe('the PDF retention', () => {
  it('removes what ended past the retention days, keeps the rest, and leaves ledgers alone', async () => {
    const city = await dailyTestCity(db, '980701', { pdfRetentionDays: 90 });
    const run = await mailedRun(city, 120);
    const printed = { pdf: PDF, pdfSha256: SHA, documentNumber: '第1号', printRunId: run.id };
    const ended = async (state: 'completed' | 'cancelled', daysAgo: number, letter: Record<string, unknown> = printed) => {
      const c = await city.agentCase(state, letter);
      await db.caseHistory.create({
        data: { caseId: c.caseId, fromState: 'reply_returned', toState: state, actorId: city.clerkId, at: new Date(Date.now() - daysAgo * 86_400_000) },
      });
      return c;
    };
    const old = await ended('completed', 100);
    const notice = await db.completionNotice.create({
      data: { caseId: old.caseId, status: 'mailed', pdf: PDF, pdfSha256: SHA, noticeNumber: '完了通知第1号' },
    });
    const oldInRunToo = await ended('cancelled', 95);
    const recent = await ended('completed', 10, { pdf: PDF, pdfSha256: SHA });
    const open = await city.agentCase('inquiry_mailed', { pdf: PDF, pdfSha256: SHA });
    const ledgerDoc = await db.mailLedgerDocument.create({
      data: { officeId: city.officeId, day: dateColumn(addDays(TODAY, -120)), runs: 1, pdf: PDF, pdfSha256: SHA, renderedAt: new Date() },
    });

    expect(await removeExpiredPdfs.run(ctx, { municipalityId: city.municipalityId })).toBe('done');
    const letter = (id: string) => db.inquiryLetter.findUniqueOrThrow({ where: { id } });
    for (const gone of [old, oldInRunToo]) {
      const row = await letter(gone.letterId);
      expect(row.pdf).toBeNull();
      expect(row.pdfRemovedAt).not.toBeNull();
      expect(row).toMatchObject({ pdfSha256: SHA, documentNumber: '第1号' });
    }
    expect(await db.completionNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({
      pdf: null,
      pdfSha256: SHA,
      noticeNumber: '完了通知第1号',
    });
    // The run's every piece is gone: so is its PDF.
    expect(await db.printRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ pdf: null, pdfSha256: SHA });
    for (const kept of [recent, open]) expect((await letter(kept.letterId)).pdf).not.toBeNull();
    expect(
      (await db.mailLedgerDocument.findUniqueOrThrow({ where: { officeId_day: { officeId: ledgerDoc.officeId, day: ledgerDoc.day } } })).pdf,
    ).not.toBeNull();

    // Once a day: a second run of the day does nothing.
    expect(await removeExpiredPdfs.run(ctx, { municipalityId: city.municipalityId })).toBe('skipped');
  });

  it('keeps a mailed run whose pieces are not all past retention', async () => {
    const city = await dailyTestCity(db, '980702', { pdfRetentionDays: 30 });
    const run = await mailedRun(city, 60);
    const gone = await city.agentCase('completed', { pdf: PDF, pdfSha256: SHA, printRunId: run.id });
    await db.caseHistory.create({
      data: { caseId: gone.caseId, fromState: 'reply_returned', toState: 'completed', actorId: city.clerkId, at: new Date(Date.now() - 40 * 86_400_000) },
    });
    await city.agentCase('inquiry_mailed', { pdf: PDF, pdfSha256: SHA, printRunId: run.id });
    await removeExpiredPdfs.run(ctx, { municipalityId: city.municipalityId });
    expect((await db.inquiryLetter.findUniqueOrThrow({ where: { id: gone.letterId } })).pdf).toBeNull();
    expect((await db.printRun.findUniqueOrThrow({ where: { id: run.id } })).pdf).not.toBeNull();
  });
});
