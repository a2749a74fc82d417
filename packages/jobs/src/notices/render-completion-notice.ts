import { createHash } from 'node:crypto';
import { dateColumn, dayOf } from '@madoguchi/db';
import type { LetterStatus } from '@madoguchi/domain';
import { z } from 'zod';
import { defineJob, QUEUE } from '../job';
import { letterRenderer } from '../letters/renderer';
import { completionNoticeData, NOTICE_DATA_INCLUDE } from './notice-data';

const PRINTED: readonly LetterStatus[] = ['printed', 'mailed'];

/**
 * 完了通知を作成: render one pending notice, dated today, and mark it ready for the next print run;
 * or give a notice a print run re-dated its PDF as printed. Locked and done once, as the letters are.
 */
export const renderCompletionNotice = defineJob({
  name: 'render-completion-notice',
  queue: QUEUE.letters,
  payload: z.object({ noticeId: z.uuid() }),
  async run({ db, logger, clock }, { noticeId }) {
    const rendered = await db.$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRaw<{ status: LetterStatus; has_pdf: boolean; issued_on: Date | null }[]>`
          SELECT status, pdf IS NOT NULL AS has_pdf, issued_on FROM completion_notices WHERE id = ${noticeId}::uuid FOR UPDATE`;
        const redated = locked && !locked.has_pdf && locked.issued_on && PRINTED.includes(locked.status);
        if (locked?.status !== 'pending' && !redated) {
          logger.info({ noticeId, status: locked?.status ?? 'missing' }, 'notice not waiting to be rendered; nothing to do');
          return undefined;
        }
        const row = await tx.completionNotice.findUniqueOrThrow({ where: { id: noticeId }, include: NOTICE_DATA_INCLUDE });
        const data = completionNoticeData(row, redated ? dayOf(locked.issued_on!) : clock.today());
        const { pdf } = await letterRenderer().renderCompletionNotice(data);
        await tx.completionNotice.update({
          where: { id: noticeId },
          data: {
            status: redated ? locked.status : 'ready',
            pdf: new Uint8Array(pdf),
            pdfSha256: createHash('sha256').update(pdf).digest('hex'),
            renderedAt: clock.now(),
            issuedOn: dateColumn(data.issuedOn),
            lastError: null,
          },
        });
        return { bytes: pdf.length };
      },
      { timeout: 30000 },
    );
    if (!rendered) return 'skipped';
    logger.info({ noticeId, ...rendered }, 'completion notice rendered');
    return 'done';
  },
  async onFinalFailure({ db }, { noticeId }, reason) {
    await db.completionNotice.updateMany({ where: { id: noticeId, status: 'pending' }, data: { status: 'failed', lastError: reason.slice(0, 1000) } });
  },
});
