import { createHash } from 'node:crypto';
import { dateColumn, type Database } from '@madoguchi/db';
import type { IsoDate } from '@madoguchi/domain';
import { renderInquiryLetter } from '@madoguchi/letters';
import type { LetterCodes } from '@madoguchi/platform';
import type { Logger } from 'pino';
import { inquiryLetterData, LETTER_DATA_INCLUDE } from './letter-data';

export interface RenderInquiryLetterPayload {
  letterId: string;
}

export type RenderOutcome = 'rendered' | 'skipped';

/**
 * 照会書兼回答書を作成: render one pending letter, store the PDF with its SHA-256 and mark it ready.
 * The letter row is locked for the render, and only a `pending` letter is rendered: a job that
 * runs twice (a retry, a worker that died after the commit, a second worker) finds the letter
 * ready and does nothing, so there is never a second rendering of one letter.
 */
export class RenderInquiryLetterJob {
  constructor(
    private readonly db: Database,
    private readonly codes: LetterCodes,
    private readonly today: () => IsoDate,
    private readonly logger: Logger,
  ) {}

  async run({ letterId }: RenderInquiryLetterPayload): Promise<RenderOutcome> {
    const rendered = await this.db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM inquiry_letters WHERE id = ${letterId}::uuid FOR UPDATE`;
        if (locked[0]?.status !== 'pending') {
          this.logger.info({ letterId, status: locked[0]?.status ?? 'missing' }, 'letter not pending; nothing to render');
          return undefined;
        }
        const row = await tx.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, include: LETTER_DATA_INCLUDE });
        const data = inquiryLetterData(row, this.today(), this.codes);
        const { pdf, missingCharacters } = await renderInquiryLetter(data);
        await tx.inquiryLetter.update({
          where: { id: letterId },
          data: {
            status: 'ready',
            pdf: new Uint8Array(pdf),
            pdfSha256: createHash('sha256').update(pdf).digest('hex'),
            renderedAt: new Date(),
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
    this.logger.info({ letterId, ...rendered }, 'letter rendered');
    return 'rendered';
  }
}
