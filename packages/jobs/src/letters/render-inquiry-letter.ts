import { createHash } from 'node:crypto';
import { dateColumn } from '@madoguchi/db';
import { z } from 'zod';
import { defineJob, QUEUE } from '../job';
import { inquiryLetterData, lockLetterForRender } from './letter-data';
import { letterRenderer } from './renderer';

/**
 * 照会書兼回答書を作成: render one pending letter, dated today, store the PDF with its SHA-256 and
 * mark it ready; or give a letter of a print run, re-dated by the run, its PDF as printed. The row
 * is locked for the render, and only a letter without its PDF is rendered: a job that runs twice
 * (a retry, a worker that died after the commit, a second worker) finds the PDF there and does
 * nothing, so there is never a second rendering of one letter. A final failure marks the letter
 * failed, with the reason, for print staff to retry.
 */
export const renderInquiryLetter = defineJob({
  name: 'render-inquiry-letter',
  queue: QUEUE.letters,
  payload: z.object({ letterId: z.uuid() }),
  async run({ db, codes, logger, clock }, { letterId }) {
    const rendered = await db.$transaction(
      async (tx) => {
        const { turn, source } = await lockLetterForRender(tx, letterId);
        if (!turn.render || !source) {
          logger.info({ letterId, status: turn.status }, 'letter not waiting to be rendered; nothing to do');
          return undefined;
        }
        const data = inquiryLetterData(source, turn.redatedOn ?? clock.today(), codes);
        const { pdf, missingCharacters } = await letterRenderer().renderInquiryLetter(data);
        await tx.inquiryLetter.update({
          where: { id: letterId },
          select: { id: true },
          data: {
            status: turn.redatedOn ? turn.status : 'ready',
            pdf: new Uint8Array(pdf),
            pdfSha256: createHash('sha256').update(pdf).digest('hex'),
            renderedAt: clock.now(),
            issuedOn: dateColumn(data.issuedOn),
            replyDeadline: dateColumn(data.replyDeadline),
            missingCharacters: missingCharacters.join('') || null,
            lastError: null,
          },
        });
        return { bytes: pdf.length, missingCharacters: missingCharacters.length };
      },
      { timeout: 30000 },
    );
    if (!rendered) return 'skipped';
    // Logged once committed: one line per letter stored, which the crash tests count.
    logger.info({ letterId, ...rendered }, 'letter rendered');
    return 'done';
  },
  async onFinalFailure({ db }, { letterId }, reason) {
    await db.inquiryLetter.updateMany({ where: { id: letterId, status: 'pending' }, data: { status: 'failed', lastError: reason.slice(0, 1000) } });
  },
});
