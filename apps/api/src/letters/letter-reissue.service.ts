import { randomBytes } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { freeTextProblems, generateInquiryNumber, LETTER_REISSUE_REASON, reissueProblem } from '@madoguchi/domain';
import { JOB } from '@madoguchi/platform';
import type { StaffPrincipal } from '../auth/principal';
import type { LetterReissueBody } from '../cases/case-body.schema';
import { CASE_NOT_FOUND, isUuid, sameMunicipalityAs, VERSION_CONFLICT } from '../cases/case-query.service';
import { CASE_VIEW_INCLUDE, toCaseView, type CaseView } from '../cases/case-view';
import { DATABASE } from '../database/database.module';

/**
 * 照会書の再発行: a mailed letter that was lost or came back is replaced by a new one with a new
 * inquiry number (and so a new check code). The old letter is superseded and no longer matches a
 * reply; the new one goes to the worker and then through a print run like the first. The case's
 * version moves on, so a clerk acting on a stale screen gets 409.
 */
@Injectable()
export class LetterReissueService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async reissue(staff: StaffPrincipal, caseId: string, body: LetterReissueBody): Promise<CaseView> {
    if (!isUuid(caseId)) throw new NotFoundException(CASE_NOT_FOUND);
    if (body.note) {
      const problems = freeTextProblems(body.note, 'note');
      if (problems.length) throw new UnprocessableEntityException({ code: 'note_refused', message: '備考に入力できない内容が含まれています。', details: problems.map((p) => ({ path: p.path ?? 'note', code: p.code, message: p.message })) });
    }
    await this.db.$transaction(async (tx) => {
      const found = await tx.pinResetCase.findFirst({
        where: { id: caseId, ...sameMunicipalityAs(staff) },
        select: { state: true, version: true, letters: { where: { status: { not: 'superseded' } }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, status: true, inquiryNumber: true } } },
      });
      if (!found) throw new NotFoundException(CASE_NOT_FOUND);
      if (found.version !== body.version) throw new ConflictException(VERSION_CONFLICT);
      const current = found.letters[0];
      const refused = reissueProblem(found.state, current?.status);
      if (refused || !current) throw new ConflictException({ code: refused!.code, message: refused!.message, details: [] });

      const bumped = await tx.pinResetCase.updateMany({ where: { id: caseId, version: body.version }, data: { version: { increment: 1 } } });
      const superseded = await tx.inquiryLetter.updateMany({ where: { id: current.id, status: 'mailed' }, data: { status: 'superseded', supersededAt: new Date() } });
      if (bumped.count !== 1 || superseded.count !== 1) throw new ConflictException(VERSION_CONFLICT);

      const letter = await tx.inquiryLetter.create({
        data: { caseId, inquiryNumber: generateInquiryNumber(randomBytes), reissueOfId: current.id, reissueReason: body.reason },
      });
      await tx.outboxMessage.create({ data: { job: JOB.renderInquiryLetter, payload: { letterId: letter.id } } });
      const why = `照会書を再発行しました（${LETTER_REISSUE_REASON.labels[body.reason]}。旧照会番号 ${current.inquiryNumber} は無効）。`;
      await tx.caseHistory.create({
        data: { caseId, fromState: found.state, toState: found.state, actorId: staff.id, note: body.note ? `${why}${body.note}`.slice(0, 500) : why },
      });
    });
    return toCaseView(await this.db.pinResetCase.findUniqueOrThrow({ where: { id: caseId }, include: CASE_VIEW_INCLUDE }));
  }
}
