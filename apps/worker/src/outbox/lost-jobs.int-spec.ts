import { createDatabaseClient } from '@madoguchi/db';
import { QUEUE, renderInquiryLetter } from '@madoguchi/jobs';
import { createLogger } from '@madoguchi/platform';
import { openCounter } from '../testing/fixtures';
import { killAll, stop } from '../testing/processes';
import { openQueues } from '../queues';
import { LostJobs } from './lost-jobs';
import { jobIdOf } from './outbox-relay';

/**
 * The check for jobs Redis lost, against the run's database and Redis: a letter still owed whose
 * outbox row was sent but whose job Redis does not hold is enqueued again, once; a Redis that does
 * not answer ends the check without holding anything up.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
const logger = createLogger('test', 'silent');
const live = openQueues({ REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! });
const dead = openQueues({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: process.env.REDIS_PREFIX! });

afterEach(() => killAll());
afterAll(async () => {
  await live.queues[QUEUE.letters].obliterate({ force: true });
  await Promise.all([live.close(), dead.close()]);
  await db.$disconnect();
});

/** A registered letter whose outbox row counts as sent (to a Redis that then lost it). */
async function sentButLost(): Promise<{ letterId: string; jobId: string }> {
  const counter = await openCounter(db);
  let letterId: string;
  try {
    letterId = (await counter.register()).letterId;
  } finally {
    await stop(counter.api);
  }
  const row = await db.outboxMessage.findFirstOrThrow({ where: { job: renderInquiryLetter.name, payload: { equals: { letterId } } } });
  await db.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date(), attempts: 1 } });
  return { letterId, jobId: jobIdOf(row.id) };
}

describe('LostJobs', () => {
  it('enqueues again, under its outbox job id, the job of a letter still owed that Redis does not hold; once', async () => {
    const { letterId, jobId } = await sentButLost();
    await live.queues[QUEUE.letters].obliterate({ force: true });
    const lostJobs = new LostJobs(db, live.queues, logger);
    expect(await lostJobs.recoverOnce()).toBeGreaterThanOrEqual(1);
    const job = await live.queues[QUEUE.letters].getJob(jobId);
    expect(job?.name).toBe(renderInquiryLetter.name);
    // With the municipality of its outbox row, which the worker runs it for.
    const row = await db.outboxMessage.findFirstOrThrow({ where: { payload: { equals: { letterId } } } });
    expect(job?.data).toEqual({ letterId, municipalityId: row.municipalityId });
    // Redis holds it now: nothing more to do.
    expect(await lostJobs.recoverOnce()).toBe(0);
    // A letter made is no longer owed, whatever Redis holds.
    await live.queues[QUEUE.letters].obliterate({ force: true });
    await db.inquiryLetter.update({ where: { id: letterId }, data: { status: 'ready', pdf: new Uint8Array([1]), pdfSha256: '0'.repeat(64) } });
    expect(await live.queues[QUEUE.letters].getJob(jobId)).toBeUndefined();
    await lostJobs.recoverOnce();
    expect(await live.queues[QUEUE.letters].getJob(jobId)).toBeUndefined();
  });

  it('gives up on a Redis that does not answer, and never holds up a shutdown', async () => {
    await sentButLost();
    const lostJobs = new LostJobs(db, dead.queues, logger);
    await expect(lostJobs.recoverOnce()).rejects.toThrow('Redis did not answer');
    const started = Date.now();
    void lostJobs.check();
    await lostJobs.stop();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
