import { inMunicipality } from '@madoguchi/db';
import { jobMunicipality, jobNamed, UnrecoverableJobError, type JobContext, type JobOutcome, type QueueName } from '@madoguchi/jobs';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';

export interface JobWorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockMs: number;
}

/**
 * The BullMQ worker of one queue: each job is dispatched by its name through the job registry
 * (`@madoguchi/jobs`), its payload checked by the job's own schema. A job that keeps failing ends
 * in BullMQ's failed set after its attempts (the dead letters), and the job's own `onFinalFailure`
 * records it where people see it (a letter marked failed, a print run with its error).
 */
export class JobWorker {
  readonly worker: Worker;
  private inHand = 0;
  private idleWaiters: (() => void)[] = [];
  private lastErrorLoggedAt = 0;

  constructor(
    queue: QueueName,
    private readonly ctx: JobContext,
    options: JobWorkerOptions,
  ) {
    const { logger } = ctx;
    // Each job runs for the municipality of its outbox row: row-level security shows it that one's rows.
    this.worker = new Worker(queue, (job: Job) => this.track(() => forMunicipalityOf(job, () => this.process(job))), {
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
      logger.warn({ jobId: job.id, job: job.name, attemptsMade: job.attemptsMade, final, err: error }, 'job failed');
      if (final)
        void forMunicipalityOf(job, () => this.recordFailure(job, error.message)).catch((e: unknown) =>
          logger.error({ jobId: job.id, err: e }, 'could not record a failed job'),
        );
    });
    // While Redis is away BullMQ reports every reconnection attempt; one line every half minute says it.
    this.worker.on('error', (error) => {
      if (Date.now() - this.lastErrorLoggedAt < 30000) return;
      this.lastErrorLoggedAt = Date.now();
      logger.warn({ err: error }, 'job worker cannot reach Redis; retrying');
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

  private async process(job: Job): Promise<JobOutcome> {
    const definition = jobNamed(job.name);
    if (!definition) throw new UnrecoverableError(`unknown job "${job.name}"`);
    // A payload the job's schema refuses can never succeed, so it is not retried.
    const payload = definition.payload.safeParse(job.data);
    if (!payload.success)
      throw new UnrecoverableError(`job payload refused: ${payload.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    try {
      return await definition.run(this.ctx, payload.data);
    } catch (error) {
      // Retrying cannot make bad stored data good: fail it at once for a person to see.
      if (error instanceof UnrecoverableJobError || error instanceof RangeError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private async recordFailure(job: Job, reason: string): Promise<void> {
    const definition = jobNamed(job.name);
    const payload = definition?.payload.safeParse(job.data);
    if (definition?.onFinalFailure && payload?.success) await definition.onFinalFailure(this.ctx, payload.data, reason);
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

function forMunicipalityOf<T>(job: Job, work: () => Promise<T>): Promise<T> {
  const municipalityId = jobMunicipality(job.data);
  return municipalityId ? inMunicipality(municipalityId, work) : work();
}
