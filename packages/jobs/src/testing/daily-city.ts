import { randomBytes, randomUUID } from 'node:crypto';
import { dateColumn, policyColumn, type Database } from '@madoguchi/db';
import { addDays, DEFAULT_POLICY, generateInquiryNumber, type IsoDate, type MunicipalityPolicy } from '@madoguchi/domain';

/**
 * A municipality of a test's own for the daily jobs, with an office, a clerk and a policy, and
 * agent cases made straight in the database in the state a test needs (the daily jobs read cases
 * as the counter left them; how they got there is the API's tests' business).
 */
export async function dailyTestCity(db: Database, code: string, policy: Partial<MunicipalityPolicy> = {}) {
  const municipality = await db.municipality.create({ data: { code, name: `日次市${code}` } });
  const version = await db.policyVersion.create({
    data: { municipalityId: municipality.id, version: 1, policy: policyColumn({ ...DEFAULT_POLICY, ...policy }) },
  });
  const office = await db.office.create({
    data: {
      code: `D${code}`,
      name: `日次市${code} 市民課`,
      municipalityId: municipality.id,
      postalCode: '100-0003',
      address: '試験県試験市本町1-1',
      phone: '0120-000-003',
    },
  });
  const clerk = await db.staffUser.create({ data: { username: `daily_${code}`, displayName: '窓口', role: 'clerk', officeId: office.id, passwordHash: 'x' } });

  /** An agent case in `state`, with one letter as given. */
  async function agentCase(state: 'inquiry_mailed' | 'completed' | 'cancelled' | 'received', letter: Record<string, unknown> = {}) {
    const c = await db.pinResetCase.create({
      data: {
        receiptNumber: `D${code}-${randomUUID().slice(0, 8)}`,
        officeId: office.id,
        route: 'voluntary_agent',
        reason: 'forgotten',
        pins: ['user_auth'],
        state,
        policyVersionId: version.id,
        createdById: clerk.id,
      },
    });
    const created = await db.inquiryLetter.create({ data: { caseId: c.id, inquiryNumber: generateInquiryNumber(randomBytes), status: 'mailed', ...letter } });
    return { caseId: c.id, letterId: created.id };
  }

  /** A mailed agent case whose current letter's reply is due on `deadline`. */
  async function mailedCase(deadline: IsoDate, letter: { returned?: boolean; reissuePending?: boolean } = {}) {
    const { caseId, letterId } = await agentCase('inquiry_mailed', {
      status: letter.reissuePending ? 'superseded' : 'mailed',
      replyDeadline: dateColumn(deadline),
      mailedOn: dateColumn(addDays(deadline, -30)),
      ...(letter.returned ? { returnedAt: new Date(), returnedReason: 'moved_no_forwarding' as const } : {}),
    });
    if (letter.reissuePending)
      await db.inquiryLetter.create({ data: { caseId, inquiryNumber: generateInquiryNumber(randomBytes), reissueOfId: letterId, reissueReason: 'lost' } });
    return caseId;
  }

  return { municipalityId: municipality.id, officeId: office.id, clerkId: clerk.id, agentCase, mailedCase };
}
