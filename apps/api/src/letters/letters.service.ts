import { Inject, Injectable } from '@nestjs/common';
import type { Database, Prisma } from '@madoguchi/db';
import { CASE_STATES_AWAITING_LETTER, fullName, retryRefusal } from '@madoguchi/domain';
import type { CompletionNoticeSummary } from '@madoguchi/contract';
import type { CompletionNoticeListQuery } from './completion-notice-list';
import { enqueue, renderInquiryLetter } from '@madoguchi/jobs';
import type { StaffPrincipal } from '../auth/principal';
import { isUuid } from '../validation/ids';
import { inScope, ownOffice } from '../scope/scope';
import { DATABASE } from '../database/database.module';
import { page, type ListPage } from '../validation/simple-rest';
import { Refused, refused } from '../errors/refused';
import { LETTER_SUMMARY_SELECT, summarizeLetter, type LetterListQuery, type LetterSummary } from './letter-list';

export interface LetterPdf {
  pdf: Buffer;
  sha256: string;
  inquiryNumber: string;
}

/** 照会書: the print desk's list, one letter's PDF, and another try for a letter that failed. */
@Injectable()
export class LettersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(staff: StaffPrincipal, query: LetterListQuery): Promise<ListPage<LetterSummary>> {
    const f = query.filter ?? {};
    const and: Prisma.InquiryLetterWhereInput[] = [{ case: inScope(staff) }];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.status) and.push({ status: Array.isArray(f.status) ? { in: f.status } : f.status });
    if (f.awaitingPrint) and.push({ status: 'ready', case: { state: { in: [...CASE_STATES_AWAITING_LETTER] } } });
    if (f.caseId) and.push({ caseId: f.caseId });
    if (f.printRunId) and.push({ printRunId: f.printRunId });
    if (f.officeId) and.push({ case: { officeId: ownOffice(staff, f.officeId, 'filter.officeId') } });
    const where = { AND: and };
    return page(query, ['createdAt', 'ASC'], {
      rows: async (window) => (await this.db.inquiryLetter.findMany({ where, ...window, select: LETTER_SUMMARY_SELECT })).map(summarizeLetter),
      count: () => this.db.inquiryLetter.count({ where }),
    });
  }

  /** The completion notices in the caller's municipality, oldest first: the print desk asks for those waiting (`ready`). */
  async notices(staff: StaffPrincipal, query: CompletionNoticeListQuery): Promise<ListPage<CompletionNoticeSummary>> {
    const f = query.filter ?? {};
    const where: Prisma.CompletionNoticeWhereInput = {
      case: inScope(staff),
      ...(f.status ? { status: Array.isArray(f.status) ? { in: f.status } : f.status } : {}),
      ...(f.caseId ? { caseId: f.caseId } : {}),
    };
    return page(query, ['createdAt', 'ASC'], {
      rows: async (window) =>
        (
          await this.db.completionNotice.findMany({
            where,
            ...window,
            select: {
              id: true,
              caseId: true,
              status: true,
              noticeNumber: true,
              createdAt: true,
              case: { select: { receiptNumber: true, parties: { where: { role: 'holder' }, select: { familyName: true, givenName: true } } } },
            },
          })
        ).map((n) => ({
          id: n.id,
          caseId: n.caseId,
          receiptNumber: n.case.receiptNumber,
          holderName: fullName(n.case.parties[0]),
          status: n.status,
          noticeNumber: n.noticeNumber,
          createdAt: n.createdAt.toISOString(),
        })),
      count: () => this.db.completionNotice.count({ where }),
    });
  }

  async pdf(staff: StaffPrincipal, id: string): Promise<LetterPdf> {
    if (!isUuid(id)) throw refused('letter_not_found');
    const letter = await this.db.inquiryLetter.findFirst({
      where: { id, case: inScope(staff) },
      select: { pdf: true, pdfSha256: true, inquiryNumber: true, status: true, pdfRemovedAt: true },
    });
    if (!letter) throw refused('letter_not_found');
    if (letter.pdfRemovedAt) throw refused('pdf_removed_by_retention');
    if (!letter.pdf || !letter.pdfSha256) throw refused(letter.status === 'failed' ? 'letter_render_failed' : 'letter_not_rendered');
    return { pdf: Buffer.from(letter.pdf), sha256: letter.pdfSha256, inquiryNumber: letter.inquiryNumber };
  }

  /** A failed letter goes back to the worker: pending again, with a new job from the outbox. */
  async retry(staff: StaffPrincipal, id: string): Promise<LetterSummary> {
    if (!isUuid(id)) throw refused('letter_not_found');
    return this.db.$transaction(async (tx) => {
      const letter = await tx.inquiryLetter.findFirst({ where: { id, case: inScope(staff) }, select: { status: true } });
      if (!letter) throw refused('letter_not_found');
      const notFailed = retryRefusal(letter.status);
      const moved = notFailed
        ? { count: 0 }
        : await tx.inquiryLetter.updateMany({ where: { id, status: 'failed' }, data: { status: 'pending', lastError: null } });
      // Another retry moved it first: it is pending now.
      if (moved.count !== 1) throw new Refused(notFailed ?? retryRefusal('pending')!);
      await enqueue(tx, renderInquiryLetter, { letterId: id }, staff);
      return summarizeLetter(await tx.inquiryLetter.findUniqueOrThrow({ where: { id }, select: LETTER_SUMMARY_SELECT }));
    });
  }
}
