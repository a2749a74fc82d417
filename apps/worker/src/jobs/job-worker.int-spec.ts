import { createDatabaseClient } from '@madoguchi/db';
import { QUEUE, renderInquiryLetter } from '@madoguchi/jobs';
import { testJobContext } from '@madoguchi/jobs/testing';
import { Redis } from 'ioredis';
import { openQueues } from '../queues';
import { openCounter, TEST_LETTER_SECRET, type Counter } from '../testing/fixtures';
import { killAll, waitFor } from '../testing/processes';
import { JobWorker } from './job-worker';

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const redis = { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! };
const open = openQueues(redis);
const queue = open.queues[QUEUE.letters];
const connection = new Redis(redis.REDIS_URL, { maxRetriesPerRequest: null });
let worker: JobWorker;
let counter: Counter;

beforeAll(async () => {
  counter = await openCounter(db);
  await queue.obliterate({ force: true });
  worker = new JobWorker(QUEUE.letters, testJobContext(db, TEST_LETTER_SECRET), { connection, prefix: redis.REDIS_PREFIX, concurrency: 2, lockMs: 5000 });
}, 60000);
afterAll(async () => {
  await worker.close();
  await queue.obliterate({ force: true });
  // The registrations' own outbox rows were never relayed here: leave none for the next file's workers.
  await db.outboxMessage.deleteMany({ where: { sentAt: null } });
  await open.close();
  connection.disconnect();
  await killAll();
  await db.$disconnect();
});

describe('the job worker', () => {
  it('renders the letter a job names', async () => {
    const { letterId } = await counter.register();
    const job = await queue.add(renderInquiryLetter.name, { letterId });
    await waitFor(
      async () => (await job.getState()) === 'completed',
      20000,
      () => 'the job to complete',
    );
    expect((await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } })).status).toBe('ready');
    expect((await queue.getJob(job.id!))?.returnvalue).toBe('done');
  });

  it('gives up at once on a letter that can never be printed: failed in the queue, failed with the reason on the letter', async () => {
    // Kept away from the demo city, whose next registrations would otherwise be decided under it.
    const elsewhere = await db.municipality.create({ data: { code: '980901', name: '壊れた方針市' } });
    const broken = await db.policyVersion.create({ data: { municipalityId: elsewhere.id, version: 1, policy: { replyDeadlineDays: 'thirty' } } });
    // A registered case whose stored policy went bad afterwards: retrying cannot mend it.
    const { caseId, letterId } = await counter.register();
    await db.pinResetCase.update({ where: { id: caseId }, data: { policyVersionId: broken.id } });
    const job = await queue.add(renderInquiryLetter.name, { letterId }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await waitFor(
      async () => (await job.getState()) === 'failed',
      20000,
      () => 'the job to fail',
    );
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain(`the stored policy ${broken.id}`);
    await waitFor(
      async () => (await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } })).status === 'failed',
      5000,
      () => 'the letter to be marked failed',
    );
    expect((await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } })).lastError).toContain('is invalid');
  });

  it('refuses a job whose payload its schema refuses, without retrying it', async () => {
    const job = await queue.add(renderInquiryLetter.name, { letterId: 'letter-0' }, { attempts: 5 });
    await waitFor(
      async () => (await job.getState()) === 'failed',
      20000,
      () => 'the job to fail',
    );
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/^job payload refused: letterId /);
  });

  it('refuses a job no registry entry names', async () => {
    const job = await queue.add('drop-database', {}, { attempts: 5 });
    await waitFor(
      async () => (await job.getState()) === 'failed',
      20000,
      () => 'the job to fail',
    );
    expect((await queue.getJob(job.id!))?.failedReason).toBe('unknown job "drop-database"');
  });
});
