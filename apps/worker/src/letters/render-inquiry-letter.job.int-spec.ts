import { createHash } from 'node:crypto';
import { createDatabaseClient, dayOf } from '@madoguchi/db';
import { DEFAULT_POLICY, replyDeadline } from '@madoguchi/domain';
import { renderInquiryLetter } from '@madoguchi/letters';
import { createLogger, LetterCodes } from '@madoguchi/platform';
import { createAgentCase, TEST_LETTER_SECRET } from '../testing/fixtures';
import { inquiryLetterData, LETTER_DATA_INCLUDE } from './letter-data';
import { RenderInquiryLetterJob } from './render-inquiry-letter.job';

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 8 });
const codes = new LetterCodes(TEST_LETTER_SECRET);
const TODAY = '2026-11-25';
const job = new RenderInquiryLetterJob(db, codes, () => TODAY, createLogger('test', 'silent'));

afterAll(() => db.$disconnect());

describe('RenderInquiryLetterJob', () => {
  it('renders a pending letter, stores it with its SHA-256 and the printed dates, and marks it ready', async () => {
    const { letterId } = await createAgentCase(db);
    expect(await job.run({ letterId })).toBe('rendered');

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
    const { letterId } = await createAgentCase(db);
    await job.run({ letterId });
    const first = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(await job.run({ letterId })).toBe('skipped');
    const second = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(second.renderedAt).toEqual(first.renderedAt);
    expect(second.pdfSha256).toBe(first.pdfSha256);
  });

  it('renders a letter once when several jobs for it run at the same moment', async () => {
    const { letterId } = await createAgentCase(db);
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => job.run({ letterId })));
    expect(outcomes.filter((o) => o === 'rendered')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(4);
  });

  it('records the name characters printed as 〓 for staff to write in by hand', async () => {
    const { letterId } = await createAgentCase(db, { holderName: ['\u{E000}田', '花子'] });
    await job.run({ letterId });
    const letter = await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(letter.status).toBe('ready');
    expect(letter.missingCharacters).toBe('\u{E000}');
  });

  it('skips a letter that does not exist', async () => {
    expect(await job.run({ letterId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
  });
});
