import { HttpException, Inject, Injectable } from '@nestjs/common';
import { dayOf, type Database } from '@madoguchi/db';
import { CASE_STATE, daysBetween, fullName, isOverdue } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import type { StaffPrincipal } from '../auth/principal';
import { sameMunicipalityAs } from '../cases/case-query.service';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { checkReplyToLetter, readTypedInquiryNumber, type ReplyRefusal } from './reply-check';
import type { ReplyBody } from './reply.schema';
import type { ReplyMatch } from '@madoguchi/contract';

function refuse(refusal: ReplyRefusal): HttpException {
  const { problem } = refusal;
  return new HttpException({ code: problem.code, message: problem.message, details: [{ path: problem.path ?? '', code: problem.code, message: problem.message }] }, refusal.status);
}

/**
 * 回答書の照合: the reply desk types (or scans) the inquiry number and check code from a returned
 * reply, and lands on its case. A wrong or forged code, a superseded letter, or a case that is not
 * waiting for its reply is refused, each with its own code.
 */
@Injectable()
export class ReplyLookup {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly codes: LetterCodes,
    private readonly clock: Clock,
  ) {}

  async lookup(staff: StaffPrincipal, reply: ReplyBody): Promise<ReplyMatch> {
    const typed = readTypedInquiryNumber(reply.inquiryNumber);
    if (!typed.ok) throw refuse(typed.refusal);
    const letter = await this.db.inquiryLetter.findFirst({
      where: { inquiryNumber: typed.value, case: sameMunicipalityAs(staff) },
      select: {
        id: true,
        inquiryNumber: true,
        status: true,
        mailedOn: true,
        replyDeadline: true,
        case: { select: { id: true, receiptNumber: true, state: true, route: true, version: true, parties: { select: { role: true, familyName: true, givenName: true } } } },
      },
    });
    if (!letter) {
      throw refuse({ status: 404, problem: { code: 'reply_letter_not_found', message: 'この照会番号の照会書は見つかりません。', path: 'inquiryNumber' } });
    }
    const refused = checkReplyToLetter(letter, reply.checkCode, this.codes);
    if (refused) throw refuse(refused);
    const c = letter.case;
    if (c.state !== 'inquiry_mailed') {
      throw refuse({ status: 409, problem: { code: 'reply_case_not_awaiting', message: `この申請は「${CASE_STATE.labels[c.state]}」のため、回答書を受け付けられません。`, path: 'inquiryNumber' } });
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
    };
  }
}

export type { ReplyMatch };
