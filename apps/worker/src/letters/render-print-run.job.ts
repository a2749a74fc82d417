import { createHash } from 'node:crypto';
import { dateColumn, dayOf, type Database } from '@madoguchi/db';
import { renderInquiryLetter, renderLetterBatch } from '@madoguchi/letters';
import type { LetterCodes } from '@madoguchi/platform';
import type { Logger } from 'pino';
import { inquiryLetterData, LETTER_DATA_INCLUDE } from './letter-data';
import type { RenderOutcome } from './render-inquiry-letter.job';

export interface RenderPrintRunPayload {
  printRunId: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * 印刷バッチの作成: the letters of a run as one PDF, in the run's order, dated the run's day. A
 * letter rendered on an earlier day is rendered again with the run's date first, so the letter
 * kept on file is the letter that was printed. The run row is locked throughout: a cancellation
 * waits for the render, and a second job for the same run finds it ready and does nothing.
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
        let redated = 0;
        for (const [i, letter] of letters.entries()) {
          if (letter.pdf && letter.issuedOn && dayOf(letter.issuedOn) === printedOn) continue;
          const { pdf, missingCharacters } = await renderInquiryLetter(data[i]!);
          await tx.inquiryLetter.update({
            where: { id: letter.id },
            data: {
              pdf: new Uint8Array(pdf),
              pdfSha256: sha256(pdf),
              renderedAt: new Date(),
              issuedOn: dateColumn(printedOn),
              replyDeadline: dateColumn(data[i]!.replyDeadline),
              missingCharacters: missingCharacters.join('') || null,
            },
          });
          redated++;
        }
        const { pdf, pages } = await renderLetterBatch(data, printedOn);
        await tx.printRun.update({
          where: { id: printRunId },
          data: { status: 'ready', pdf: new Uint8Array(pdf), pdfSha256: sha256(pdf), renderedAt: new Date(), lastError: null },
        });
        this.logger.info({ printRunId, letters: letters.length, redated, pages, bytes: pdf.length }, 'print run rendered');
        return 'rendered';
      },
      { timeout: 300000 },
    );
  }
}
