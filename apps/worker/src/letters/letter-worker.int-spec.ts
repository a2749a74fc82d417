import { createDatabaseClient } from '@madoguchi/db';
import { japanDate } from '@madoguchi/domain';
import { createLogger, JOB, LetterCodes, QUEUE } from '@madoguchi/platform';
import { Redis } from 'ioredis';
import { openQueues } from '../queues';
import { createAgentCase, TEST_LETTER_SECRET } from '../testing/fixtures';
import { waitFor } from '../testing/processes';
import { LetterWorker } from './letter-worker';
import { RenderInquiryLetterJob } from './render-inquiry-letter.job';
import { RenderPrintRunJob } from './render-print-run.job';

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const logger = createLogger('test', 'silent');
const codes = new LetterCodes(TEST_LETTER_SECRET);
const redis = { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! };
const open = openQueues(redis);
const queue = open.queues[QUEUE.letters];
const connection = new Redis(redis.REDIS_URL, { maxRetriesPerRequest: null });
let worker: LetterWorker;

beforeAll(async () => {
  await queue.obliterate({ force: true });
  worker = new LetterWorker(
    { letter: new RenderInquiryLetterJob(db, codes, () => japanDate(new Date()), logger), printRun: new RenderPrintRunJob(db, codes, logger) },
    db,
    logger,
    { connection, prefix: redis.REDIS_PREFIX, concurrency: 2, lockMs: 5000 },
  );
});
afterAll(async () => {
  await worker.close();
  await queue.obliterate({ force: true });
  await open.close();
  connection.disconnect();
  await db.$disconnect();
});

describe('the letter worker', () => {
  it('renders the letter a job names', async () => {
    const { letterId } = await createAgentCase(db);
    const job = await queue.add(JOB.renderInquiryLetter, { letterId });
    await waitFor(async () => (await job.getState()) === 'completed', 20000, () => 'the job to complete');
    expect((await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } })).status).toBe('ready');
    expect((await queue.getJob(job.id!))?.returnvalue).toBe('rendered');
  });

  it('gives up at once on a letter that can never be printed: failed in the queue, failed with the reason on the letter', async () => {
    const municipality = await db.municipality.findFirstOrThrow({ where: { code: '999999' } });
    const broken = await db.policyVersion.create({ data: { municipalityId: municipality.id, version: 900, policy: { replyDeadlineDays: 'thirty' } } });
    const { letterId } = await createAgentCase(db, { policyVersionId: broken.id });
    const job = await queue.add(JOB.renderInquiryLetter, { letterId }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await waitFor(async () => (await job.getState()) === 'failed', 20000, () => 'the job to fail');
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain(`the stored policy ${broken.id}`);
    await waitFor(async () => (await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } })).status === 'failed', 5000, () => 'the letter to be marked failed');
    expect((await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } })).lastError).toContain('is invalid');
  });

  it('refuses a job whose payload names no letter, without retrying it', async () => {
    const job = await queue.add(JOB.renderInquiryLetter, { letterId: 'letter-0' }, { attempts: 5 });
    await waitFor(async () => (await job.getState()) === 'failed', 20000, () => 'the job to fail');
    expect((await queue.getJob(job.id!))?.failedReason).toBe('job payload has no valid letterId');
  });
});
