import { randomUUID } from 'node:crypto';
import { createHash, randomBytes } from 'node:crypto';
import { createDatabaseClient, dayOf, type Prisma } from '@madoguchi/db';
import { DEFAULT_POLICY, replyDeadline, secondVisitBringList } from '@madoguchi/domain';
import { renderInquiryLetter } from '@madoguchi/letters';
import { killAll, openCounter, type Counter } from '@madoguchi/devstack/testing';
import type { JobContext } from '../job';
import { testJobContext } from '../testing';
import { inquiryLetterData, LETTER_DATA_INCLUDE } from './letter-data';
import { renderInquiryLetter as job } from './render-inquiry-letter';

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 8 });
const TODAY = '2026-11-25';
const ctx: JobContext = { ...testJobContext(db, randomBytes(32).toString('base64')), clock: { now: () => new Date(), today: () => TODAY } };
const { codes } = ctx;
let counter: Counter;
const createAgentCase = (holder?: { familyName: string; givenName: string }) => counter.register(holder);

beforeAll(async () => {
  counter = await openCounter(db);
}, 60000);
afterAll(async () => {
  await killAll();
  await db.$disconnect();
});

describe('the render-inquiry-letter job', () => {
  it('renders a pending letter, stores it with its SHA-256 and the printed dates, and marks it ready', async () => {
    const { letterId } = await createAgentCase();
    expect(await job.run(ctx, { letterId })).toBe('done');

    const letter = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, include: LETTER_DATA_INCLUDE });
    expect(letter.status).toBe('ready');
    expect(Buffer.from(letter.pdf!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(letter.pdfSha256).toBe(createHash('sha256').update(letter.pdf!).digest('hex'));
    expect(dayOf(letter.issuedOn!)).toBe(TODAY);
    expect(dayOf(letter.replyDeadline!)).toBe(replyDeadline(TODAY, DEFAULT_POLICY));
    expect(letter.missingCharacters).toBeNull();
    // What is stored is exactly the letter of this case as issued today.
    const again = await renderInquiryLetter(inquiryLetterData(letter, TODAY, codes));
    expect(Buffer.from(letter.pdf!).equals(again.pdf)).toBe(true);
  });

  it('does nothing for a letter that is no longer pending: a re-run never makes a second rendering', async () => {
    const { letterId } = await createAgentCase();
    await job.run(ctx, { letterId });
    const first = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(await job.run(ctx, { letterId })).toBe('skipped');
    const second = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(second.renderedAt).toEqual(first.renderedAt);
    expect(second.pdfSha256).toBe(first.pdfSha256);
  });

  it('renders a letter once when several jobs for it run at the same moment', async () => {
    const { letterId } = await createAgentCase();
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => job.run(ctx, { letterId })));
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(4);
  });

  it('records the name characters printed as 〓 for staff to write in by hand', async () => {
    const { letterId } = await createAgentCase({ familyName: '\u{E000}田', givenName: '花子' });
    await job.run(ctx, { letterId });
    const letter = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(letter.status).toBe('ready');
    expect(letter.missingCharacters).toBe('\u{E000}');
  });

  it("prints what the case's policy and office say: the issuer, the counter and its hours, what to bring", async () => {
    const { letterId } = await createAgentCase();
    const letter = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, include: LETTER_DATA_INCLUDE });
    const data = inquiryLetterData(letter, TODAY, codes);
    expect(data.issuer).toBe(`${letter.case.office.municipality.name}長`);
    expect(data.documentNumber).toBeNull(); // numbered when it first goes into a print run
    expect(data.sender).toEqual({
      office: letter.case.office.name,
      postalCode: letter.case.office.postalCode,
      address: letter.case.office.address,
      phone: letter.case.office.phone,
    });
    expect(data.replyCounter).toMatchObject({ office: letter.case.office.name, hours: expect.stringContaining('8:30〜17:00') });
    expect(data.bring).toEqual(secondVisitBringList(DEFAULT_POLICY));
    expect(data.bring.agent[0]).toContain('現住所・現氏名');
    const anyCounter = {
      ...letter,
      case: {
        ...letter.case,
        // Another version (a version never changes once written, so the jobs validate each once).
        policyVersionId: randomUUID(),
        policyVersion: {
          ...letter.case.policyVersion,
          policy: JSON.parse(JSON.stringify({ ...DEFAULT_POLICY, repliesAtRegisteringOffice: false })) as Prisma.JsonValue,
        },
      },
    };
    expect(inquiryLetterData(anyCounter, TODAY, codes).replyCounter).toBeNull();
  });

  it('skips a letter that does not exist', async () => {
    expect(await job.run(ctx, { letterId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
  });
});
