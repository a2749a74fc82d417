import { createHash } from 'node:crypto';
import { dateColumn, dayOf, type Database } from '@madoguchi/db';
import { renderLetterBatch } from '@madoguchi/letters';
import { JOB, type LetterCodes } from '@madoguchi/platform';
import type { Logger } from 'pino';
import { inquiryLetterData, LETTER_DATA_INCLUDE } from './letter-data';
import type { RenderOutcome } from './render-inquiry-letter.job';

export interface RenderPrintRunPayload {
  printRunId: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * 印刷バッチの作成: the letters of a run as one PDF, in the run's order, dated the run's day. A
 * letter rendered on an earlier day is re-dated to the run's day and its own PDF dropped, with a
 * job (in the same transaction) to render it again as printed: the run is ready at once, and the
 * letter kept on file follows. The run row is locked throughout: a cancellation waits for the
 * render, and a second job for the same run finds it ready and does nothing.
 */
export class RenderPrintRunJob {
  constructor(
    private readonly db: Database,
    private readonly codes: LetterCodes,
    private readonly logger: Logger,
  ) {}

  async run({ printRunId }: RenderPrintRunPayload): Promise<RenderOutcome> {
    return this.db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ status: string; printed_on: Date }[]>`
          SELECT status, printed_on FROM print_runs WHERE id = ${printRunId}::uuid FOR UPDATE`;
        if (locked[0]?.status !== 'rendering') {
          this.logger.info({ printRunId, status: locked[0]?.status ?? 'missing' }, 'print run not rendering; nothing to do');
          return 'skipped';
        }
        const printedOn = dayOf(locked[0].printed_on);
        const letters = await tx.inquiryLetter.findMany({ where: { printRunId }, orderBy: { printRunPosition: 'asc' }, include: LETTER_DATA_INCLUDE });
        const data = letters.map((letter) => inquiryLetterData(letter, printedOn, this.codes));
        const stale: string[] = [];
        for (const [i, letter] of letters.entries()) {
          if (letter.pdf && letter.issuedOn && dayOf(letter.issuedOn) === printedOn) continue;
          stale.push(letter.id);
          await tx.inquiryLetter.update({
            where: { id: letter.id },
            data: { issuedOn: dateColumn(printedOn), replyDeadline: dateColumn(data[i]!.replyDeadline), pdf: null, pdfSha256: null, renderedAt: null },
          });
        }
        if (stale.length) await tx.outboxMessage.createMany({ data: stale.map((letterId) => ({ job: JOB.renderInquiryLetter, payload: { letterId } })) });
        const { pdf, pages } = await renderLetterBatch(data, printedOn);
        await tx.printRun.update({
          where: { id: printRunId },
          data: { status: 'ready', pdf: new Uint8Array(pdf), pdfSha256: sha256(pdf), renderedAt: new Date(), lastError: null },
        });
        this.logger.info({ printRunId, letters: letters.length, redated: stale.length, pages, bytes: pdf.length }, 'print run rendered');
        return 'rendered';
      },
      { timeout: 300000 },
    );
  }
}
