import type { Database } from '@madoguchi/db';
import { JOB, QUEUE, type JobName } from '@madoguchi/platform';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { UnprintableLetterError } from './letter-data';
import type { RenderInquiryLetterJob, RenderInquiryLetterPayload, RenderOutcome } from './render-inquiry-letter.job';
import type { RenderPrintRunJob, RenderPrintRunPayload } from './render-print-run.job';

export interface LetterWorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockMs: number;
}

/**
 * The BullMQ worker of the letters queue: one processor per job name. A job that keeps failing
 * ends in BullMQ's failed set after its attempts (the dead letters), and its letter or print run
 * is marked with the error, where print staff see it and can retry.
 */
export class LetterWorker {
  readonly worker: Worker;
  private inHand = 0;
  private idleWaiters: (() => void)[] = [];
  private lastErrorLoggedAt = 0;

  constructor(
    jobs: { letter: RenderInquiryLetterJob; printRun: RenderPrintRunJob },
    db: Database,
    private readonly logger: Logger,
    options: LetterWorkerOptions,
  ) {
    const processors: Record<JobName, (data: unknown) => Promise<RenderOutcome>> = {
      [JOB.renderInquiryLetter]: (data) => jobs.letter.run({ letterId: idIn(data, 'letterId') }),
      [JOB.renderPrintRun]: (data) => jobs.printRun.run({ printRunId: idIn(data, 'printRunId') }),
    };
    this.worker = new Worker(QUEUE.letters, (job: Job) => this.track(() => this.process(processors, job)), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: Math.max(1000, Math.floor(options.lockMs / 2)),
      // A job whose worker died is taken over by another; twice is a crash loop, not bad luck.
      maxStalledCount: 2,
    });
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      logger.warn({ jobId: job.id, job: job.name, attemptsMade: job.attemptsMade, final, err: error }, 'letter job failed');
      if (final) void markFailed(db, job, error.message).catch((e: unknown) => logger.error({ jobId: job.id, err: e }, 'could not record a failed letter job'));
    });
    // While Redis is away BullMQ reports every reconnection attempt; one line every half minute says it.
    this.worker.on('error', (error) => {
      if (Date.now() - this.lastErrorLoggedAt < 30000) return;
      this.lastErrorLoggedAt = Date.now();
      logger.warn({ err: error }, 'letter worker cannot reach Redis; retrying');
    });
  }

  /**
   * Stop taking jobs and let the ones in hand finish (their work is in the database when they
   * do). BullMQ's own goodbye to Redis gets `graceMs`: with Redis away it would wait for ever,
   * and an unacknowledged job is simply found done by the next worker.
   */
  async close(graceMs = 5000): Promise<void> {
    const closing = this.worker.close();
    await this.idle();
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  }

  private async process(processors: Record<JobName, (data: unknown) => Promise<RenderOutcome>>, job: Job): Promise<RenderOutcome> {
    const processor = processors[job.name as JobName];
    if (!processor) throw new UnrecoverableError(`unknown job "${job.name}"`);
    try {
      return await processor(job.data);
    } catch (error) {
      // Retrying cannot make an unprintable letter printable: fail it at once for a person to see.
      if (error instanceof UnprintableLetterError || error instanceof RangeError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private async track<T>(work: () => Promise<T>): Promise<T> {
    this.inHand++;
    try {
      return await work();
    } finally {
      if (--this.inHand === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private idle(): Promise<void> {
    return this.inHand === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row id a job names; a payload without one can never succeed, so it is not retried. */
function idIn(data: unknown, key: string): string {
  const id = (data as Record<string, unknown> | null)?.[key];
  if (typeof id !== 'string' || !UUID.test(id)) throw new UnrecoverableError(`job payload has no valid ${key}`);
  return id;
}

/** Record a job that will not be retried on the row it was for. */
async function markFailed(db: Database, job: Job, message: string): Promise<void> {
  const lastError = message.slice(0, 1000);
  if (job.name === JOB.renderInquiryLetter) {
    const { letterId } = job.data as RenderInquiryLetterPayload;
    await db.inquiryLetter.updateMany({ where: { id: letterId, status: 'pending' }, data: { status: 'failed', lastError } });
  } else if (job.name === JOB.renderPrintRun) {
    const { printRunId } = job.data as RenderPrintRunPayload;
    await db.printRun.updateMany({ where: { id: printRunId, status: 'rendering' }, data: { lastError } });
  }
}
