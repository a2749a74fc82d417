import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Database, Prisma } from '@madoguchi/db';
import { CASE_STATES_AWAITING_LETTER, retryProblem } from '@madoguchi/domain';
import { JOB } from '@madoguchi/platform';
import type { StaffPrincipal } from '../auth/principal';
import { isUuid, sameMunicipalityAs } from '../cases/case-query.service';
import { DATABASE } from '../database/database.module';
import { MAX_PAGE } from '../validation/simple-rest';
import { LETTER_SUMMARY_SELECT, summarizeLetter, type LetterListQuery, type LetterSummary } from './letter-list';

export const LETTER_NOT_FOUND = { code: 'letter_not_found', message: '指定された照会書が見つかりません。', details: [] };

export interface LetterPdf {
  pdf: Buffer;
  sha256: string;
  inquiryNumber: string;
}

/** 照会書: the print desk's list, one letter's PDF, and another try for a letter that failed. */
@Injectable()
export class LettersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(staff: StaffPrincipal, query: LetterListQuery): Promise<{ rows: LetterSummary[]; from: number; total: number }> {
    const f = query.filter ?? {};
    const and: Prisma.InquiryLetterWhereInput[] = [{ case: sameMunicipalityAs(staff) }];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.status) and.push({ status: Array.isArray(f.status) ? { in: f.status } : f.status });
    if (f.awaitingPrint) and.push({ status: 'ready', case: { state: { in: [...CASE_STATES_AWAITING_LETTER] } } });
    if (f.caseId) and.push({ caseId: f.caseId });
    if (f.printRunId) and.push({ printRunId: f.printRunId });
    if (f.officeId) and.push({ case: { officeId: f.officeId } });
    const where = { AND: and };
    const [sortField, sortOrder] = query.sort ?? ['createdAt', 'ASC'];
    const [from, to] = query.range ?? [0, 24];
    const [rows, total] = await this.db.$transaction([
      this.db.inquiryLetter.findMany({
        where,
        orderBy: [{ [sortField]: sortOrder === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }],
        skip: from,
        take: Math.min(to - from + 1, MAX_PAGE),
        select: LETTER_SUMMARY_SELECT,
      }),
      this.db.inquiryLetter.count({ where }),
    ]);
    return { rows: rows.map(summarizeLetter), from, total };
  }

  async pdf(staff: StaffPrincipal, id: string): Promise<LetterPdf> {
    if (!isUuid(id)) throw new NotFoundException(LETTER_NOT_FOUND);
    const letter = await this.db.inquiryLetter.findFirst({
      where: { id, case: sameMunicipalityAs(staff) },
      select: { pdf: true, pdfSha256: true, inquiryNumber: true, status: true },
    });
    if (!letter) throw new NotFoundException(LETTER_NOT_FOUND);
    if (!letter.pdf || !letter.pdfSha256) {
      const message = letter.status === 'failed' ? 'この照会書は作成に失敗しています。再作成してください。' : 'この照会書はまだ作成されていません。しばらくしてからもう一度開いてください。';
      throw new ConflictException({ code: 'letter_not_rendered', message, details: [] });
    }
    return { pdf: Buffer.from(letter.pdf), sha256: letter.pdfSha256, inquiryNumber: letter.inquiryNumber };
  }

  /** A failed letter goes back to the worker: pending again, with a new job from the outbox. */
  async retry(staff: StaffPrincipal, id: string): Promise<LetterSummary> {
    if (!isUuid(id)) throw new NotFoundException(LETTER_NOT_FOUND);
    return this.db.$transaction(async (tx) => {
      const letter = await tx.inquiryLetter.findFirst({ where: { id, case: sameMunicipalityAs(staff) }, select: { status: true } });
      if (!letter) throw new NotFoundException(LETTER_NOT_FOUND);
      const refused = retryProblem(letter.status);
      const moved = refused ? { count: 0 } : await tx.inquiryLetter.updateMany({ where: { id, status: 'failed' }, data: { status: 'pending', lastError: null } });
      if (moved.count !== 1) {
        const problem = refused ?? retryProblem('pending')!;
        throw new ConflictException({ code: problem.code, message: problem.message, details: [] });
      }
      await tx.outboxMessage.create({ data: { job: JOB.renderInquiryLetter, payload: { letterId: id } } });
      return summarizeLetter(await tx.inquiryLetter.findUniqueOrThrow({ where: { id }, select: LETTER_SUMMARY_SELECT }));
    });
  }
}
