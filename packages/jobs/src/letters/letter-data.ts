import type { Prisma } from '@madoguchi/db';
import {
  describeOfficeHours,
  fullName,
  letterIssuer,
  officeHoursOrDefault,
  replyDeadline,
  secondVisitBringList,
  type IsoDate,
  type LetterStatus,
} from '@madoguchi/domain';
import type { InquiryLetterData } from '@madoguchi/letters';
import type { LetterCodes } from '@madoguchi/platform';
import { UnrecoverableJobError } from '../job';
import { storedPolicy } from '../policy/stored-policy';
import { renderTurn, type RenderTurn } from './render-lock';

/** What a letter prints, loaded with the letter: the case, its parties, its office, its policy. */
export const LETTER_DATA_INCLUDE = {
  case: { include: { parties: true, office: { include: { municipality: true } }, policyVersion: true } },
} satisfies Prisma.InquiryLetterInclude;

export type LetterRow = Prisma.InquiryLetterGetPayload<{ include: typeof LETTER_DATA_INCLUDE }>;
type CaseRow = LetterRow['case'];

/** What of a letter's row it prints: a LetterRow, or the one-statement read of `lockLetterForRender`. */
export interface LetterSource {
  inquiryNumber: string;
  documentNumber: string | null;
  case: Pick<CaseRow, 'id' | 'pins' | 'policyVersionId'> & {
    policyVersion: { policy: unknown };
    parties: Pick<CaseRow['parties'][number], 'role' | 'familyName' | 'givenName' | 'postalCode' | 'address'>[];
    office: Pick<CaseRow['office'], 'name' | 'postalCode' | 'address' | 'phone' | 'hours' | 'municipalityId'> & { municipality: { name: string } };
  };
}

/**
 * Lock a letter's row for its render and read what it prints, in one statement (the render job's
 * transaction is then this, the update, and its commit): `turn` as lockForRender says it.
 */
export async function lockLetterForRender(tx: Prisma.TransactionClient, letterId: string): Promise<{ turn: RenderTurn; source: LetterSource | undefined }> {
  const [row] = await tx.$queryRaw<{ status: LetterStatus; has_pdf: boolean; issued_on: Date | null; source: LetterSource }[]>`
    SELECT l.status::text AS status, l.pdf IS NOT NULL AS has_pdf, l.issued_on,
           json_build_object(
             'inquiryNumber', l.inquiry_number, 'documentNumber', l.document_number,
             'case', json_build_object(
               'id', c.id, 'pins', c.pins, 'policyVersionId', c.policy_version_id,
               'policyVersion', json_build_object('policy', v.policy),
               'parties', (SELECT json_agg(json_build_object('role', p.role, 'familyName', p.family_name, 'givenName', p.given_name,
                                                             'postalCode', p.postal_code, 'address', p.address))
                           FROM parties p WHERE p.case_id = c.id),
               'office', json_build_object('name', o.name, 'postalCode', o.postal_code, 'address', o.address, 'phone', o.phone,
                                           'hours', o.hours, 'municipalityId', o.municipality_id, 'municipality', json_build_object('name', m.name)))
           ) AS source
    FROM inquiry_letters l
    JOIN cases c ON c.id = l.case_id
    JOIN offices o ON o.id = c.office_id
    JOIN municipalities m ON m.id = o.municipality_id
    JOIN policy_versions v ON v.id = c.policy_version_id
    WHERE l.id = ${letterId}::uuid
    FOR UPDATE OF l`;
  if (!row) return { turn: { render: false, status: 'missing' }, source: undefined };
  return { turn: renderTurn(row), source: row.source };
}

/** A letter that can never be printed as it stands (retrying will not help). */
export class UnprintableLetterError extends UnrecoverableJobError {
  override name = 'UnprintableLetterError';
}

/**
 * The letter of `row` as issued on `issuedOn`: the reply deadline counts from that day under the
 * policy the case was decided under (the counter holds itself to the printed date).
 */
export function inquiryLetterData(row: LetterSource, issuedOn: IsoDate, codes: LetterCodes): InquiryLetterData {
  const { case: c } = row;
  const holder = c.parties.find((p) => p.role === 'holder');
  const agent = c.parties.find((p) => p.role === 'representative');
  if (!holder?.postalCode || !holder.address || !agent) {
    throw new UnprintableLetterError(`case ${c.id} lacks the holder's address or the agent for its letter`);
  }
  const policy = storedPolicy(c.policyVersionId, c.policyVersion.policy, (why) => new UnprintableLetterError(`case ${c.id}: ${why}`));
  // The registering office answers questions, and takes the reply where the policy keeps replies there.
  const office = { office: c.office.name, postalCode: c.office.postalCode, address: c.office.address };
  return {
    issuedOn,
    replyDeadline: replyDeadline(issuedOn, policy),
    inquiryNumber: row.inquiryNumber,
    checkCode: codes.checkCodeFor(row.inquiryNumber),
    documentNumber: row.documentNumber,
    issuer: letterIssuer(policy, c.office.municipality.name),
    holder: { name: fullName(holder), postalCode: holder.postalCode, address: holder.address },
    agent: { name: fullName(agent) },
    pins: c.pins,
    sender: { ...office, phone: c.office.phone },
    replyCounter: policy.repliesAtRegisteringOffice ? { ...office, hours: describeOfficeHours(officeHoursOrDefault(c.office.hours)) } : null,
    bring: secondVisitBringList(policy),
  };
}
