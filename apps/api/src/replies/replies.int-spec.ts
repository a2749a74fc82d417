import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient, dateColumn } from '@madoguchi/db';
import { addDays, generateInquiryNumber, japanDate, type Role } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import { mailedAgentCase, registerAgentCases } from '../testing/agent-cases';
import { asStaff, testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp, TEST_LETTER_SECRET } from '../testing/test-app';

const db = createDatabaseClient(process.env.DATABASE_URL!);
const codes = new LetterCodes(TEST_LETTER_SECRET);
let app: INestApplication;
let city: TestMunicipality;

beforeAll(async () => {
  app = await startTestApp();
  city = await testMunicipality(app, db, '990301');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

const as = (role: Role, token = city.tokens[role]) => asStaff(app, token);
const lookup = (body: object, role: Role = 'clerk') => as(role).post('/api/replies/lookup', body);

/** An agent case whose letter went out through a print run: the holder now has the reply form. */
async function mailedCase() {
  const c = await mailedAgentCase(app, db, city);
  const inquiryNumber = c.letters[0]!.inquiryNumber;
  return { ...c, inquiryNumber, checkCode: codes.checkCodeFor(inquiryNumber) };
}

describe('POST /api/replies/lookup', () => {
  it('finds the case of a returned reply, typed loosely, and says the deadline has not passed', async () => {
    const c = await mailedCase();
    const typed = { inquiryNumber: c.inquiryNumber.replaceAll('-', '').toLowerCase(), checkCode: ` ${c.checkCode.toLowerCase()} ` };
    const res = await lookup(typed).expect(200);
    expect(res.body).toMatchObject({
      caseId: c.id,
      receiptNumber: c.receiptNumber,
      state: 'inquiry_mailed',
      version: 2,
      inquiryNumber: c.inquiryNumber,
      mailedOn: japanDate(new Date()),
      deadlinePassed: false,
      daysPastDeadline: 0,
      holderName: '江東 花子',
      agentName: '江東 太郎',
    });
  });

  it('tells the clerk how far past the deadline a late reply is', async () => {
    const c = await mailedCase();
    await db.inquiryLetter.updateMany({ where: { caseId: c.id }, data: { replyDeadline: dateColumn(addDays(japanDate(new Date()), -3)) } });
    expect((await lookup({ inquiryNumber: c.inquiryNumber, checkCode: c.checkCode }).expect(200)).body).toMatchObject({
      deadlinePassed: true,
      daysPastDeadline: 3,
    });
  });

  it.each([
    [
      'a forged check code',
      (c: { inquiryNumber: string }) => ({
        inquiryNumber: c.inquiryNumber,
        checkCode: new LetterCodes('another-municipality-secret-0123456789').checkCodeFor(c.inquiryNumber),
      }),
      422,
      'reply_check_code_mismatch',
    ],
    [
      'a check code with a typo',
      (c: { inquiryNumber: string; checkCode: string }) => ({
        inquiryNumber: c.inquiryNumber,
        checkCode: `${c.checkCode.slice(0, -1)}${c.checkCode.endsWith('0') ? '1' : '0'}`,
      }),
      422,
      'reply_check_code_mistyped',
    ],
    [
      'a check code of the wrong length',
      (c: { inquiryNumber: string }) => ({ inquiryNumber: c.inquiryNumber, checkCode: 'AB' }),
      400,
      'reply_check_code_malformed',
    ],
    [
      'an inquiry number with a typo',
      (c: { inquiryNumber: string; checkCode: string }) => ({
        inquiryNumber: `${c.inquiryNumber.slice(0, -1)}${c.inquiryNumber.endsWith('0') ? '1' : '0'}`,
        checkCode: c.checkCode,
      }),
      422,
      'reply_inquiry_number_mistyped',
    ],
    [
      'an inquiry number of the wrong length',
      (c: { checkCode: string }) => ({ inquiryNumber: 'K7Q-M3X', checkCode: c.checkCode }),
      400,
      'reply_inquiry_number_malformed',
    ],
  ] as const)('refuses %s', async (_what, typed, status, code) => {
    const c = await mailedCase();
    const res = await lookup(typed(c)).expect(status);
    expect(res.body.code).toBe(code);
    expect(res.body.details[0].message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(JSON.stringify(res.body)).not.toContain(c.receiptNumber);
  });

  it('does not know a letter of another municipality, or one that does not exist', async () => {
    const c = await mailedCase();
    const other = await testMunicipality(app, db, '990302');
    expect(
      (await as('clerk', other.tokens.clerk).post('/api/replies/lookup', { inquiryNumber: c.inquiryNumber, checkCode: c.checkCode }).expect(404)).body.code,
    ).toBe('reply_letter_not_found');
    const unknown = generateInquiryNumber(randomBytes);
    expect((await lookup({ inquiryNumber: unknown, checkCode: codes.checkCodeFor(unknown) }).expect(404)).body.code).toBe('reply_letter_not_found');
  });

  it('refuses the reply of a superseded letter, of a letter not yet mailed, and of a case no longer waiting', async () => {
    const c = await mailedCase();
    await as('clerk').post(`/api/cases/${c.id}/letters`, { version: 2, reason: 'lost' }).expect(201);
    expect((await lookup({ inquiryNumber: c.inquiryNumber, checkCode: c.checkCode }).expect(409)).body.code).toBe('reply_superseded');

    const [fresh] = await registerAgentCases(app, city.tokens.clerk, 1);
    const n = fresh!.letters[0]!.inquiryNumber;
    expect((await lookup({ inquiryNumber: n, checkCode: codes.checkCodeFor(n) }).expect(409)).body.code).toBe('reply_letter_not_mailed');

    const done = await mailedCase();
    await as('clerk').post(`/api/cases/${done.id}/transitions`, { to: 'cancelled', version: 2, reason: 'withdrawn' }).expect(200);
    expect((await lookup({ inquiryNumber: done.inquiryNumber, checkCode: done.checkCode }).expect(409)).body.code).toBe('reply_case_not_awaiting');
  });

  it('is for the counter, and takes nothing but the two codes', async () => {
    const c = await mailedCase();
    await lookup({ inquiryNumber: c.inquiryNumber, checkCode: c.checkCode }, 'print_staff').expect(403);
    const extra = await lookup({ inquiryNumber: c.inquiryNumber, checkCode: c.checkCode, pin: '4821' }).expect(400);
    expect(JSON.stringify(extra.body)).not.toContain('4821');
  });
});
