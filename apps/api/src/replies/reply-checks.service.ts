import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { MAX_WRONG_CHECK_CODES, refusal, type LetterStatus, type Refusal } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { checkReplyToLetter } from './reply-check';

/** A letter as a check of its reply needs it. */
export interface CheckedLetter {
  id: string;
  caseId: string;
  inquiryNumber: string;
  status: LetterStatus;
}

/**
 * Checking a typed check code against its letter, with a limit: a letter takes at most
 * MAX_WRONG_CHECK_CODES wrong codes (counted in the database, so attempts in parallel cannot get
 * past it; a typo its check character catches does not count), then answers reply_locked until a
 * supervisor reissues it. Every check, right or wrong, is written down for supervisors (who,
 * when, which letter, what came of it — never the code typed).
 */
@Injectable()
export class ReplyChecks {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly codes: LetterCodes,
  ) {}

  async check(
    staff: StaffPrincipal,
    letter: CheckedLetter,
    typedCheckCode: string,
    kind: 'lookup' | 'reply_returned',
    pathPrefix = '',
  ): Promise<Refusal | undefined> {
    const locked = refusal('reply_locked', undefined, `${pathPrefix}inquiryNumber`);
    let problem = (await this.isLocked(letter.id)) ? locked : checkReplyToLetter(letter, typedCheckCode, this.codes, pathPrefix);
    if (problem?.code === 'reply_check_code_mismatch' && !(await this.countWrongCode(letter.id))) problem = locked;
    if (!problem && (await this.isLocked(letter.id))) problem = locked; // locked by a parallel attempt meanwhile
    await this.db.replyCheck.create({ data: { caseId: letter.caseId, letterId: letter.id, actorId: staff.id, kind, outcome: problem?.code ?? 'matched' } });
    return problem;
  }

  private async isLocked(letterId: string): Promise<boolean> {
    const { wrongCheckCodes } = await this.db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, select: { wrongCheckCodes: true } });
    return wrongCheckCodes >= MAX_WRONG_CHECK_CODES;
  }

  /** Counts a wrong code if the letter can take one more; false when it is (now) locked. */
  private async countWrongCode(letterId: string): Promise<boolean> {
    const counted = await this.db.inquiryLetter.updateMany({
      where: { id: letterId, wrongCheckCodes: { lt: MAX_WRONG_CHECK_CODES } },
      data: { wrongCheckCodes: { increment: 1 } },
    });
    return counted.count === 1;
  }
}
