import type { Database } from '@madoguchi/db';
import { jobData, jobNamed, owedOutboxRows, type QueueName } from '@madoguchi/jobs';
import { within } from '@madoguchi/platform';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { jobIdOf } from './outbox-relay';

/** How far back a lost job is looked for: longer than any Redis outage an operator would not notice. */
const LOOK_BACK_MS = 7 * 24 * 3600 * 1000;
/** A Redis that does not answer ends the check (the next one tries again); it never holds a shutdown. */
const REDIS_TIMEOUT_MS = 5000;
const answered = <T>(call: Promise<T>) => within(call, REDIS_TIMEOUT_MS, `Redis did not answer within ${REDIS_TIMEOUT_MS} ms`);

/**
 * Jobs Redis lost. An outbox row is marked sent once Redis took its job, so a Redis restarted
 * without persistence (or flushed) would leave the letters of rows already sent waiting forever.
 * Each time the worker's queues (re)connect, and every `everyMs`, the rows whose work the database
 * still shows owed (`owedOutboxRows`) are checked against Redis: one whose job Redis does not know
 * is enqueued again under the same job id, so a job Redis does hold is never doubled, and a job
 * that runs twice finds its work done (the render lock).
 */
export class LostJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly queues: Record<QueueName, Queue>,
    private readonly logger: Logger,
  ) {}

  /** Check now; resolves with how many jobs were enqueued again. */
  async recoverOnce(): Promise<number> {
    const rows = await owedOutboxRows(this.db, new Date(Date.now() - LOOK_BACK_MS));
    let recovered = 0;
    for (const row of rows) {
      const job = jobNamed(row.job);
      if (!job) continue;
      const queue = this.queues[job.queue];
      const jobId = jobIdOf(row.id);
      if (await answered(queue.getJob(jobId))) continue;
      await answered(queue.add(row.job, jobData(row.payload, row.municipality_id), { jobId }));
      recovered++;
    }
    if (recovered) this.logger.warn({ recovered }, 'jobs Redis had lost were enqueued again from the outbox');
    return recovered;
  }

  /** Run a check (one at a time; a failure is logged and the next one tries again). */
  check(): Promise<unknown> {
    this.running = this.running
      .then(() => this.recoverOnce())
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not look for jobs Redis lost; will try again'));
    return this.running;
  }

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.check(), everyMs);
    this.timer.unref();
  }

  /** Stop checking; a check under way is not waited for beyond a moment (it only enqueues). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }
}
