import type { Prisma } from '@madoguchi/db';
import {
  describeOfficeHours,
  fullName,
  letterIssuer,
  officeHoursOrDefault,
  replyDeadline,
  secondVisitBringList,
  validatePolicy,
  type IsoDate,
} from '@madoguchi/domain';
import type { InquiryLetterData } from '@madoguchi/letters';
import type { LetterCodes } from '@madoguchi/platform';
import { UnrecoverableJobError } from '../job';

/** What a letter prints, loaded with the letter: the case, its parties, its office, its policy. */
export const LETTER_DATA_INCLUDE = {
  case: { include: { parties: true, office: { include: { municipality: true } }, policyVersion: true } },
} satisfies Prisma.InquiryLetterInclude;

export type LetterRow = Prisma.InquiryLetterGetPayload<{ include: typeof LETTER_DATA_INCLUDE }>;

/** A letter that can never be printed as it stands (retrying will not help). */
export class UnprintableLetterError extends UnrecoverableJobError {
  override name = 'UnprintableLetterError';
}

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
  // The registering office answers questions, and takes the reply where the policy keeps replies there.
  const office = { office: c.office.name, postalCode: c.office.postalCode, address: c.office.address };
  return {
    issuedOn,
    replyDeadline: replyDeadline(issuedOn, policy.policy),
    inquiryNumber: row.inquiryNumber,
    checkCode: codes.checkCodeFor(row.inquiryNumber),
    documentNumber: row.documentNumber,
    issuer: letterIssuer(policy.policy, c.office.municipality.name),
    holder: { name: fullName(holder), postalCode: holder.postalCode, address: holder.address },
    agent: { name: fullName(agent) },
    pins: c.pins,
    sender: { ...office, phone: c.office.phone },
    replyCounter: policy.policy.repliesAtRegisteringOffice ? { ...office, hours: describeOfficeHours(officeHoursOrDefault(c.office.hours)) } : null,
    bring: secondVisitBringList(policy.policy),
  };
}
