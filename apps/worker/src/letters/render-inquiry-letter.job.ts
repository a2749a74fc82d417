import { createHash } from 'node:crypto';
import { dateColumn, dayOf, type Database } from '@madoguchi/db';
import type { IsoDate, LetterStatus } from '@madoguchi/domain';
import { renderInquiryLetter } from '@madoguchi/letters';
import type { LetterCodes } from '@madoguchi/platform';
import type { Logger } from 'pino';
import { inquiryLetterData, LETTER_DATA_INCLUDE } from './letter-data';

export interface RenderInquiryLetterPayload {
  letterId: string;
}

export type RenderOutcome = 'rendered' | 'skipped';

/** Statuses of a letter already printed: re-rendered as printed, never moved back to ready. */
const PRINTED: readonly LetterStatus[] = ['printed', 'mailed'];

/**
 * 照会書兼回答書を作成: render one pending letter, dated today, store the PDF with its SHA-256 and
 * mark it ready; or give a letter of a print run, re-dated by the run, its PDF as printed. The row
 * is locked for the render, and only a letter without its PDF is rendered: a job that runs twice
 * (a retry, a worker that died after the commit, a second worker) finds the PDF there and does
 * nothing, so there is never a second rendering of one letter.
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
        const [locked] = await tx.$queryRaw<{ status: LetterStatus; has_pdf: boolean; issued_on: Date | null }[]>`
          SELECT status, pdf IS NOT NULL AS has_pdf, issued_on FROM inquiry_letters WHERE id = ${letterId}::uuid FOR UPDATE`;
        const redated = locked && !locked.has_pdf && locked.issued_on && PRINTED.includes(locked.status);
        if (locked?.status !== 'pending' && !redated) {
          this.logger.info({ letterId, status: locked?.status ?? 'missing' }, 'letter not waiting to be rendered; nothing to do');
          return undefined;
        }
        const row = await tx.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, include: LETTER_DATA_INCLUDE });
        const data = inquiryLetterData(row, redated ? dayOf(locked.issued_on!) : this.today(), this.codes);
        const { pdf, missingCharacters } = await renderInquiryLetter(data);
        await tx.inquiryLetter.update({
          where: { id: letterId },
          data: {
            status: redated ? locked.status : 'ready',
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
