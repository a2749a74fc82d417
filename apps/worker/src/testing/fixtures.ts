import { randomBytes } from 'node:crypto';
import { seedDemoData, type Database } from '@madoguchi/db';
import { generateInquiryNumber } from '@madoguchi/domain';
import { JOB } from '@madoguchi/platform';

export const TEST_LETTER_SECRET = randomBytes(32).toString('base64');

/** The demo staff's password in these tests (createAgentCases seeds them with it). */
export const STAFF_PASSWORD = 'worker-test-password';

/** A registration as the console sends it (`POST /api/cases`), on the agent route. */
export const AGENT_REGISTRATION = {
  route: 'voluntary_agent',
  reason: 'forgotten',
  pins: ['user_auth'],
  holder: { familyName: '江東', givenName: '花子', familyNameKana: 'コウトウ', givenNameKana: 'ハナコ', birthDate: '1950-04-01', postalCode: '135-8383', address: '東京都江東区東陽4-11-28', adultWard: false, hasSignatureCertificate: true },
  representative: { kind: 'agent', familyName: '江東', givenName: '太郎', familyNameKana: 'コウトウ', givenNameKana: 'タロウ' },
  documents: [{ presentedBy: 'representative', type: 'passport', expiresOn: '2099-01-01' }],
};

/** Log in to an API process as the demo clerk; answers a function that registers one agent case. */
export async function clerkAt(apiUrl: string): Promise<() => Promise<{ status: number; letterId?: string }>> {
  const login = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: STAFF_PASSWORD }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async () => {
    const res = await fetch(`${apiUrl}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify(AGENT_REGISTRATION) });
    const body = (await res.json()) as { letters?: { id: string }[] };
    return { status: res.status, letterId: body.letters?.[0]?.id };
  };
}

export interface AgentCaseOptions {
  holderName?: [family: string, given: string];
  /** Write the letter's outbox row too, as the API's registration does. */
  outbox?: boolean;
  /** A policy version id to decide the case under (default: the demo municipality's first). */
  policyVersionId?: string;
}

/**
 * Agent cases with a pending letter, written the way the API's registration writes them (the
 * worker's tests need the rows, not the HTTP). The demo municipality, offices and staff are seeded
 * first.
 */
export async function createAgentCases(db: Database, count: number, options: AgentCaseOptions = {}): Promise<{ caseId: string; letterId: string }[]> {
  await seedDemoData(db, STAFF_PASSWORD);
  const clerk = await db.staffUser.findUniqueOrThrow({ where: { username: 'clerk' } });
  // The seeded version 1, whatever versions other tests add.
  const policy = options.policyVersionId ?? (await db.policyVersion.findFirstOrThrow({ where: { municipality: { code: '999999' }, version: 1 } })).id;
  const [family, given] = options.holderName ?? ['江東', '花子'];
  const created = [];
  for (let i = 0; i < count; i++) {
    const receiptNumber = `HQ-2026-T${randomBytes(4).toString('hex').toUpperCase()}`;
    const row = await db.pinResetCase.create({
      data: {
        receiptNumber,
        officeId: clerk.officeId,
        route: 'voluntary_agent',
        reason: 'forgotten',
        pins: ['user_auth', 'resident_registry'],
        policyVersionId: policy,
        createdById: clerk.id,
        parties: {
          create: [
            { role: 'holder', familyName: family, givenName: given, familyNameKana: 'コウトウ', givenNameKana: 'ハナコ', birthDate: new Date('1950-04-01T00:00:00Z'), postalCode: '135-8383', address: `東京都江東区東陽4-11-${i + 1}`, adultWard: false, hasSignatureCertificate: true },
            { role: 'representative', kind: 'agent', familyName: '江東', givenName: '太郎', familyNameKana: 'コウトウ', givenNameKana: 'タロウ', postalCode: '135-0016', address: '東京都江東区東陽1-1-1' },
          ],
        },
        history: { create: { fromState: null, toState: 'received', actorId: clerk.id } },
        letters: { create: { inquiryNumber: generateInquiryNumber(randomBytes) } },
      },
      include: { letters: true },
    });
    const letterId = row.letters[0]!.id;
    if (options.outbox) await db.outboxMessage.create({ data: { job: JOB.renderInquiryLetter, payload: { letterId } } });
    created.push({ caseId: row.id, letterId });
  }
  return created;
}

export async function createAgentCase(db: Database, options: AgentCaseOptions = {}): Promise<{ caseId: string; letterId: string }> {
  return (await createAgentCases(db, 1, options))[0]!;
}
