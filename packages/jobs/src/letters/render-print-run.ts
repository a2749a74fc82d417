import { createHash } from 'node:crypto';
import { dateColumn, dayOf } from '@madoguchi/db';
import { z } from 'zod';
import { enqueueMany } from '../enqueue';
import { defineJob, QUEUE } from '../job';
import { inquiryLetterData, LETTER_DATA_INCLUDE } from './letter-data';
import { letterRenderer } from './renderer';
import { renderInquiryLetter } from './render-inquiry-letter';
import { completionNoticeData, NOTICE_DATA_INCLUDE } from '../notices/notice-data';
import { renderCompletionNotice } from '../notices/render-completion-notice';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * 印刷バッチの作成: the letters of a run, then its completion notices, as one PDF, in the run's order, dated the run's day. A
 * letter rendered on an earlier day is re-dated to the run's day and its own PDF dropped, with a
 * job (in the same transaction) to render it again as printed: the run is ready at once, and the
 * letter kept on file follows. The run row is locked throughout: a cancellation waits for the
 * render, and a second job for the same run finds it ready and does nothing. A final failure is
 * recorded on the run.
 */
export const renderPrintRun = defineJob({
  name: 'render-print-run',
  queue: QUEUE.letters,
  payload: z.object({ printRunId: z.uuid() }),
  async run({ db, codes, logger, clock }, { printRunId }) {
    return db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ status: string; printed_on: Date }[]>`
          SELECT status, printed_on FROM print_runs WHERE id = ${printRunId}::uuid FOR UPDATE`;
        if (locked[0]?.status !== 'rendering') {
          logger.info({ printRunId, status: locked[0]?.status ?? 'missing' }, 'print run not rendering; nothing to do');
          return 'skipped';
        }
        const printedOn = dayOf(locked[0].printed_on);
        const letters = await tx.inquiryLetter.findMany({ where: { printRunId }, orderBy: { printRunPosition: 'asc' }, include: LETTER_DATA_INCLUDE });
        const notices = await tx.completionNotice.findMany({ where: { printRunId }, orderBy: { printRunPosition: 'asc' }, include: NOTICE_DATA_INCLUDE });
        const data = letters.map((letter) => inquiryLetterData(letter, printedOn, codes));
        const noticeData = notices.map((notice) => completionNoticeData(notice, printedOn));
        const stale: string[] = [];
        for (const [i, letter] of letters.entries()) {
          if (letter.pdf && letter.issuedOn && dayOf(letter.issuedOn) === printedOn) continue;
          stale.push(letter.id);
          await tx.inquiryLetter.update({
            where: { id: letter.id },
            data: { issuedOn: dateColumn(printedOn), replyDeadline: dateColumn(data[i]!.replyDeadline), pdf: null, pdfSha256: null, renderedAt: null },
          });
        }
        const municipality = { municipalityId: (letters[0] ?? notices[0])?.case.office.municipalityId ?? null };
        await enqueueMany(
          tx,
          renderInquiryLetter,
          stale.map((letterId) => ({ letterId })),
          municipality,
        );
        // Notices rendered on an earlier day are re-dated the same way.
        const staleNotices = notices.filter((n) => !(n.pdf && n.issuedOn && dayOf(n.issuedOn) === printedOn)).map((n) => n.id);
        if (staleNotices.length) {
          await tx.completionNotice.updateMany({
            where: { id: { in: staleNotices } },
            data: { issuedOn: dateColumn(printedOn), pdf: null, pdfSha256: null, renderedAt: null },
          });
          await enqueueMany(
            tx,
            renderCompletionNotice,
            staleNotices.map((noticeId) => ({ noticeId })),
            municipality,
          );
        }
        const { pdf, pages } = await letterRenderer().renderPrintBatch(
          [...data.map((d) => ({ kind: 'inquiry_letter' as const, data: d })), ...noticeData.map((d) => ({ kind: 'completion_notice' as const, data: d }))],
          printedOn,
        );
        await tx.printRun.update({
          where: { id: printRunId },
          data: { status: 'ready', pdf: new Uint8Array(pdf), pdfSha256: sha256(pdf), renderedAt: clock.now(), lastError: null },
        });
        logger.info({ printRunId, letters: letters.length, notices: notices.length, redated: stale.length, pages, bytes: pdf.length }, 'print run rendered');
        return 'done';
      },
      { timeout: 300000 },
    );
  },
  async onFinalFailure({ db }, { printRunId }, reason) {
    await db.printRun.updateMany({ where: { id: printRunId, status: 'rendering' }, data: { lastError: reason.slice(0, 1000) } });
  },
});
