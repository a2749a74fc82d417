import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { freeTextRefusals, generateInquiryNumber, mayTake, reissueRefusal, sameAddressReissueRefusal } from '@madoguchi/domain';
import { enqueue, renderInquiryLetter } from '@madoguchi/jobs';
import type { StaffPrincipal } from '../auth/principal';
import type { LetterReissueRequest } from '@madoguchi/contract/schemas';
import { isUuid } from '../validation/ids';
import { Refused, refused, refusedWith } from '../errors/refused';
import { Clock } from '../clock/clock';
import { inScope } from '../scope/scope';
import { readCaseView, type CaseView } from '../cases/case-view';
import { DATABASE } from '../database/database.module';

/**
 * 照会書の再発行: a mailed letter that was lost or came back is replaced by a new one with a new
 * inquiry number (and so a new check code). The old letter is superseded and no longer matches a
 * reply; the new one goes to the worker and then through a print run like the first. The case's
 * version moves on, so a clerk acting on a stale screen gets 409.
 */
@Injectable()
export class LetterReissueService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async reissue(staff: StaffPrincipal, caseId: string, body: LetterReissueRequest): Promise<CaseView> {
    if (!isUuid(caseId)) throw refused('case_not_found');
    // A locked letter was being guessed at: a supervisor looks at its checks before it goes out again.
    if (body.reason === 'locked' && !mayTake(staff.role, 'reissueLockedLetter')) throw refused('reissue_locked_needs_supervisor', undefined, 'reason');
    if (body.note) {
      const problems = freeTextRefusals(body.note, 'note');
      if (problems.length) throw refusedWith('note_refused', problems);
    }
    await this.db.$transaction(async (tx) => {
      const found = await tx.pinResetCase.findFirst({
        where: { id: caseId, ...inScope(staff) },
        select: {
          state: true,
          version: true,
          letters: {
            where: { status: { not: 'superseded' } },
            orderBy: { createdAt: 'desc' },
            take: 1,
            select: { id: true, status: true, inquiryNumber: true, returnedAt: true, returnedToPostal: true, returnedToAddress: true },
          },
          parties: { where: { role: 'holder' }, select: { postalCode: true, address: true } },
        },
      });
      if (!found) throw refused('case_not_found');
      if (found.version !== body.version) throw refused('version_conflict', undefined, 'version');
      const current = found.letters[0];
      const notNow = reissueRefusal(found.state, current?.status);
      if (notNow || !current) throw new Refused(notNow!);
      // A letter that came back goes out again only to a new address (a correction reissues it there itself).
      const sameAddress = current.returnedAt
        ? sameAddressReissueRefusal(
            { postalCode: current.returnedToPostal, address: current.returnedToAddress },
            found.parties[0] ?? { postalCode: null, address: null },
          )
        : undefined;
      if (sameAddress) throw new Refused(sameAddress);

      const bumped = await tx.pinResetCase.updateMany({ where: { id: caseId, version: body.version }, data: { version: { increment: 1 } } });
      const superseded = await tx.inquiryLetter.updateMany({
        where: { id: current.id, status: 'mailed' },
        data: { status: 'superseded', supersededAt: this.clock.now() },
      });
      if (bumped.count !== 1 || superseded.count !== 1) throw refused('version_conflict', undefined, 'version');

      const letter = await tx.inquiryLetter.create({
        data: { caseId, inquiryNumber: generateInquiryNumber(randomBytes), reissueOfId: current.id, reissueReason: body.reason },
      });
      await enqueue(tx, renderInquiryLetter, { letterId: letter.id }, staff);
      await tx.caseHistory.create({
        data: {
          caseId,
          fromState: found.state,
          toState: found.state,
          actorId: staff.id,
          event: 'letter_reissued',
          details: { reason: body.reason, replacedInquiryNumber: current.inquiryNumber },
          note: body.note ?? null,
        },
      });
    });
    return (await readCaseView(this.db, staff, caseId))!;
  }
}
