import type { Prisma } from '@madoguchi/db';
import { fullName, replyDeadline, validatePolicy, type IsoDate } from '@madoguchi/domain';
import type { InquiryLetterData } from '@madoguchi/letters';
import type { LetterCodes } from '@madoguchi/platform';

/** What a letter prints, loaded with the letter: the case, its parties, its office, its policy. */
export const LETTER_DATA_INCLUDE = {
  case: { include: { parties: true, office: { include: { municipality: true } }, policyVersion: true } },
} satisfies Prisma.InquiryLetterInclude;

export type LetterRow = Prisma.InquiryLetterGetPayload<{ include: typeof LETTER_DATA_INCLUDE }>;

/** A letter that can never be printed as it stands (retrying will not help). */
export class UnprintableLetterError extends Error {}

/**
 * The letter of `row` as issued on `issuedOn`: the reply deadline counts from that day under the
 * policy the case was decided under (the counter holds itself to the printed date).
 */
export function inquiryLetterData(row: LetterRow, issuedOn: IsoDate, codes: LetterCodes): InquiryLetterData {
  const { case: c } = row;
  const holder = c.parties.find((p) => p.role === 'holder');
  const agent = c.parties.find((p) => p.role === 'representative');
  if (!holder?.postalCode || !holder.address || !agent) {
    throw new UnprintableLetterError(`case ${c.id} lacks the holder's address or the agent for its letter`);
  }
  const policy = validatePolicy(c.policyVersion.policy);
  if (!policy.ok) throw new UnprintableLetterError(`the stored policy ${c.policyVersionId} of case ${c.id} is invalid`);
  return {
    issuedOn,
    replyDeadline: replyDeadline(issuedOn, policy.policy),
    inquiryNumber: row.inquiryNumber,
    checkCode: codes.checkCodeFor(row.inquiryNumber),
    holder: { name: fullName(holder), postalCode: holder.postalCode, address: holder.address },
    agent: { name: fullName(agent) },
    pins: c.pins,
    sender: {
      municipality: c.office.municipality.name,
      office: c.office.name,
      postalCode: c.office.postalCode,
      address: c.office.address,
      phone: c.office.phone,
    },
  };
}
