import { createHash } from 'node:crypto';
import { dateColumn } from '@madoguchi/db';
import { z } from 'zod';
import { defineJob, QUEUE } from '../job';
import { letterRenderer } from '../letters/renderer';
import { lockForRender } from '../letters/render-lock';
import { completionNoticeData, NOTICE_DATA_INCLUDE } from './notice-data';

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
        const turn = await lockForRender(tx, 'completion_notices', noticeId);
        if (!turn.render) {
          logger.info({ noticeId, status: turn.status }, 'notice not waiting to be rendered; nothing to do');
          return undefined;
        }
        const row = await tx.completionNotice.findUniqueOrThrow({ where: { id: noticeId }, include: NOTICE_DATA_INCLUDE });
        const data = completionNoticeData(row, turn.redatedOn ?? clock.today());
        const { pdf } = await letterRenderer().renderCompletionNotice(data);
        await tx.completionNotice.update({
          where: { id: noticeId },
          data: {
            status: turn.redatedOn ? turn.status : 'ready',
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
