import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { freeTextRefusals, returnRefusal } from '@madoguchi/domain';
import type { LetterReturnRequest } from '@madoguchi/contract/schemas';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { Refused, refused, refusedWith } from '../errors/refused';
import { readTypedInquiryNumber } from '../replies/reply-check';
import { inScope } from '../scope/scope';
import { LETTER_SUMMARY_SELECT, summarizeLetter, type LetterSummary } from './letter-list';

/**
 * 返戻の記録: a letter the post office brought back, found by the inquiry number printed on it. The
 * case is held: the deadline sweep leaves it alone, the supervisor's worklist shows it, and the
 * letter is not reissued to the address it came back from (that address is kept with the return).
 */
@Injectable()
export class LetterReturnService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async record(staff: StaffPrincipal, body: LetterReturnRequest): Promise<LetterSummary> {
    const typed = readTypedInquiryNumber(body.inquiryNumber);
    if (!typed.ok) throw refusedWith('invalid_request', [typed.refusal]);
    if (body.note) {
      const problems = freeTextRefusals(body.note, 'note');
      if (problems.length) throw refusedWith('note_refused', problems);
    }
    const letterId = await this.db.$transaction(async (tx) => {
      const letter = await tx.inquiryLetter.findFirst({
        where: { inquiryNumber: typed.value, case: inScope(staff) },
        select: {
          id: true,
          status: true,
          returnedAt: true,
          inquiryNumber: true,
          case: {
            select: {
              id: true,
              state: true,
              version: true,
              parties: { where: { role: 'holder' }, select: { postalCode: true, address: true } },
              letters: { where: { status: { not: 'superseded' } }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true } },
            },
          },
        },
      });
      if (!letter) throw refused('reply_letter_not_found', undefined, 'inquiryNumber');
      const { case: c } = letter;
      const current = c.letters[0]?.id === letter.id;
      const notNow = returnRefusal(c.state, { status: letter.status, current, returned: letter.returnedAt !== null }, body.reason, body.note);
      if (notNow) throw new Refused(notNow);
      const holder = c.parties[0];
      // Both guarded: a second return, a reissue or a reply recorded meanwhile wins, and this one is a 409.
      const marked = await tx.inquiryLetter.updateMany({
        where: { id: letter.id, status: 'mailed', returnedAt: null },
        data: {
          returnedAt: this.clock.now(),
          returnedReason: body.reason,
          returnedNote: body.note ?? null,
          returnedById: staff.id,
          returnedToPostal: holder?.postalCode ?? null,
          returnedToAddress: holder?.address ?? null,
        },
      });
      const bumped = await tx.pinResetCase.updateMany({
        where: { id: c.id, version: c.version, state: 'inquiry_mailed' },
        data: { version: { increment: 1 } },
      });
      if (marked.count !== 1 || bumped.count !== 1) throw refused('conflict');
      await tx.caseHistory.create({
        data: {
          caseId: c.id,
          fromState: c.state,
          toState: c.state,
          actorId: staff.id,
          event: 'letter_returned',
          details: { returnReason: body.reason, inquiryNumber: letter.inquiryNumber },
          note: body.note ?? null,
        },
      });
      return letter.id;
    });
    return summarizeLetter(await this.db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, select: LETTER_SUMMARY_SELECT }));
  }
}
