import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { MAX_WRONG_CHECK_CODES, type Role } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import { mailedAgentCase } from '../testing/agent-cases';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp, TEST_LETTER_SECRET } from '../testing/test-app';

/**
 * Check codes cannot be brute-forced (security issue, point 3): a letter takes ten wrong codes,
 * counted in the database, then is locked until a supervisor reissues it; every check is in an
 * audit a supervisor reads; look-ups are throttled per login.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!);
const codes = new LetterCodes(TEST_LETTER_SECRET);
let app: INestApplication;
let city: TestMunicipality;
let other: TestMunicipality;

beforeAll(async () => {
  app = await startTestApp();
  city = await testMunicipality(app, db, '990721');
  other = await testMunicipality(app, db, '990722');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const as = (role: Role, token = city.tokens[role]) => asStaff(app, token);
/** A well-formed code (its check character holds) made with another key: wrong, not a typo. */
const wrongCode = (inquiryNumber: string, n: number) => new LetterCodes(`a-guessing-key-of-thirty-two-chars-${n}`).checkCodeFor(inquiryNumber);

async function mailed() {
  const c = await mailedAgentCase(app, db, city);
  const inquiryNumber = c.letters[0]!.inquiryNumber;
  return { ...c, inquiryNumber, checkCode: codes.checkCodeFor(inquiryNumber) };
}

describe('check codes', () => {
  it('lock a letter after ten wrong codes, even when guessed in parallel, and the right code no longer opens it', async () => {
    const c = await mailed();
    const attempts = await Promise.all(
      Array.from({ length: 15 }, (_, n) =>
        as('clerk').post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: wrongCode(c.inquiryNumber, n) }),
      ),
    );
    const answers = attempts.map((a) => `${a.status} ${a.body.code}`).sort();
    expect(answers.filter((a) => a === '422 reply_check_code_mismatch')).toHaveLength(MAX_WRONG_CHECK_CODES);
    expect(answers.filter((a) => a === '409 reply_locked')).toHaveLength(15 - MAX_WRONG_CHECK_CODES);
    const right = await as('clerk').post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: c.checkCode }).expect(409);
    expect(right.body.code).toBe('reply_locked');
    expect(right.body.message).toContain('監督者');
    // Recording the reply is refused the same way.
    const move = await as('clerk')
      .post(`/api/cases/${c.id}/transitions`, {
        to: 'reply_returned',
        version: c.version,
        reply: { inquiryNumber: c.inquiryNumber, checkCode: c.checkCode },
        documents: [],
      })
      .expect(422);
    expect(move.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'reply_locked' })]));
  });

  it('do not count a typo the check character catches', async () => {
    const c = await mailed();
    const typo = c.checkCode.slice(0, -1) + (c.checkCode.endsWith('A') ? 'B' : 'A');
    for (let n = 0; n < MAX_WRONG_CHECK_CODES + 2; n++) {
      const res = await as('supervisor').post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: typo });
      expect([res.status, res.body.code]).not.toEqual([409, 'reply_locked']);
    }
    await as('supervisor').post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: c.checkCode }).expect(200);
  });

  it('are reissued for a locked letter by a supervisor only, and the audit shows every check to supervisors of the city alone', async () => {
    const c = await mailed();
    for (let n = 0; n < MAX_WRONG_CHECK_CODES; n++) {
      await as('supervisor')
        .post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: wrongCode(c.inquiryNumber, 100 + n) })
        .expect(422);
    }
    await as('clerk').post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: c.checkCode }).expect(409);

    const byClerk = await as('clerk').post(`/api/cases/${c.id}/letters`, { version: c.version, reason: 'locked' }).expect(403);
    expect(byClerk.body.code).toBe('reissue_locked_needs_supervisor');
    const reissued = await as('supervisor').post(`/api/cases/${c.id}/letters`, { version: c.version, reason: 'locked' }).expect(201);
    expect(reissued.body.letters.map((l: { status: string }) => l.status)).toEqual(expect.arrayContaining(['superseded', 'pending']));

    const audit = (await as('supervisor').get(`/api/cases/${c.id}/audit`).expect(200)).body as {
      kind: string;
      outcome: string;
      inquiryNumber: string;
      actor: { username: string };
    }[];
    expect(audit).toHaveLength(MAX_WRONG_CHECK_CODES + 1);
    expect(audit[0]).toMatchObject({ kind: 'lookup', outcome: 'reply_locked', inquiryNumber: c.inquiryNumber, actor: { username: 'clerk_990721' } });
    expect(audit.filter((a) => a.outcome === 'reply_check_code_mismatch')).toHaveLength(MAX_WRONG_CHECK_CODES);
    expect(JSON.stringify(audit)).not.toContain(c.checkCode);
    await as('clerk').get(`/api/cases/${c.id}/audit`).expect(403);
    await asStaff(app, other.tokens.supervisor).get(`/api/cases/${c.id}/audit`).expect(404);
  });

  it('are looked up at most REPLY_LOOKUPS_PER_MINUTE times a minute by one login; another login is not held back', async () => {
    const strict = await startTestApp({ REPLY_LOOKUPS_PER_MINUTE: '3' });
    try {
      const c = await mailed();
      const lookup = (token: string) => asStaff(strict, token).post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: c.checkCode });
      for (let n = 0; n < 3; n++) await lookup(city.tokens.clerk).expect(200);
      const held = await lookup(city.tokens.clerk).expect(429);
      expect(Object.keys(held.headers).filter((h) => h.startsWith('retry-after'))).not.toEqual([]);
      await lookup(city.tokens.supervisor).expect(200);
    } finally {
      await strict.close();
    }
  });
});
