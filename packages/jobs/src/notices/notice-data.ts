import type { Prisma } from '@madoguchi/db';
import { fullName, japanDate, letterIssuer, type IsoDate } from '@madoguchi/domain';
import type { CompletionNoticeData } from '@madoguchi/letters';
import { UnprintableLetterError } from '../letters/letter-data';
import { storedPolicy } from '../policy/stored-policy';

/** What a completion notice prints, loaded with it: the case, its parties, office and policy, and when it completed. */
export const NOTICE_DATA_INCLUDE = {
  case: {
    include: {
      parties: true,
      office: { include: { municipality: true } },
      policyVersion: true,
      history: { where: { toState: 'completed' }, orderBy: { id: 'desc' }, take: 1, select: { at: true } },
    },
  },
} satisfies Prisma.CompletionNoticeInclude;

export type NoticeRow = Prisma.CompletionNoticeGetPayload<{ include: typeof NOTICE_DATA_INCLUDE }>;

/** The notice of `row` as issued on `issuedOn`, to the holder at the address the case records. */
export function completionNoticeData(row: NoticeRow, issuedOn: IsoDate): CompletionNoticeData {
  const { case: c } = row;
  const holder = c.parties.find((p) => p.role === 'holder');
  const agent = c.parties.find((p) => p.role === 'representative');
  const completed = c.history[0];
  if (!holder?.postalCode || !holder.address || !agent || !completed) {
    throw new UnprintableLetterError(`case ${c.id} lacks the holder's address, the agent or its completion for a notice`);
  }
  const policy = storedPolicy(c.policyVersionId, c.policyVersion.policy, (why) => new UnprintableLetterError(`case ${c.id}: ${why}`));
  return {
    issuedOn,
    noticeNumber: row.noticeNumber,
    issuer: letterIssuer(policy, c.office.municipality.name),
    holder: { name: fullName(holder), postalCode: holder.postalCode, address: holder.address },
    agent: { name: fullName(agent) },
    pins: c.pins,
    completedOn: japanDate(completed.at),
    receiptNumber: c.receiptNumber,
    office: { name: c.office.name, postalCode: c.office.postalCode, address: c.office.address, phone: c.office.phone },
  };
}
