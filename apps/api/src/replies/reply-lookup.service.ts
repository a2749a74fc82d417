import { Inject, Injectable } from '@nestjs/common';
import { dayOf, type Database } from '@madoguchi/db';
import { CASE_STATE, daysBetween, fullName, isOverdue, labelText } from '@madoguchi/domain';
import { Refused, refused } from '../errors/refused';
import type { StaffPrincipal } from '../auth/principal';
import { inScope } from '../scope/scope';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { readTypedInquiryNumber } from './reply-check';
import { ReplyChecks } from './reply-checks.service';
import type { ReplyRequest } from '@madoguchi/contract/schemas';
import type { ReplyMatch } from '@madoguchi/contract';

/**
 * 回答書の照合: the reply desk types (or scans) the inquiry number and check code from a returned
 * reply, and lands on its case. A wrong or forged code, a superseded letter, or a case that is not
 * waiting for its reply is refused, each with its own code.
 */
@Injectable()
export class ReplyLookup {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly checks: ReplyChecks,
    private readonly clock: Clock,
  ) {}

  async lookup(staff: StaffPrincipal, reply: ReplyRequest): Promise<ReplyMatch> {
    const typed = readTypedInquiryNumber(reply.inquiryNumber);
    if (!typed.ok) throw new Refused(typed.refusal);
    const letter = await this.db.inquiryLetter.findFirst({
      where: { inquiryNumber: typed.value, case: inScope(staff) },
      select: {
        id: true,
        caseId: true,
        inquiryNumber: true,
        status: true,
        mailedOn: true,
        replyDeadline: true,
        case: {
          select: {
            id: true,
            receiptNumber: true,
            state: true,
            route: true,
            version: true,
            parties: { select: { role: true, familyName: true, givenName: true, birthDate: true } },
            office: { select: { id: true, name: true } },
          },
        },
      },
    });
    if (!letter) throw refused('reply_letter_not_found', undefined, 'inquiryNumber');
    const wrong = await this.checks.check(staff, letter, reply.checkCode, 'lookup');
    if (wrong) throw new Refused(wrong);
    const c = letter.case;
    if (c.state !== 'inquiry_mailed') {
      throw refused('reply_case_not_awaiting', { state: labelText(CASE_STATE, c.state) }, 'inquiryNumber');
    }
    const today = this.clock.today();
    const deadline = dayOf(letter.replyDeadline!);
    const name = (role: 'holder' | 'representative') => fullName(c.parties.find((x) => x.role === role));
    return {
      caseId: c.id,
      receiptNumber: c.receiptNumber,
      state: c.state,
      route: c.route,
      version: c.version,
      letterId: letter.id,
      inquiryNumber: letter.inquiryNumber,
      mailedOn: dayOf(letter.mailedOn!),
      replyDeadline: deadline,
      deadlinePassed: isOverdue(deadline, today),
      daysPastDeadline: Math.max(0, daysBetween(deadline, today)),
      holderName: name('holder'),
      agentName: name('representative'),
      agentBirthDate: dayOf(c.parties.find((x) => x.role === 'representative')?.birthDate ?? null),
      officeId: c.office.id,
      officeName: c.office.name,
    };
  }
}

export type { ReplyMatch };
