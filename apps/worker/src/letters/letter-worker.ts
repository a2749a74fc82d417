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
export function startLetterWorker(
  jobs: { letter: RenderInquiryLetterJob; printRun: RenderPrintRunJob },
  db: Database,
  logger: Logger,
  options: LetterWorkerOptions,
): Worker {
  const processors: Record<JobName, (data: unknown) => Promise<RenderOutcome>> = {
    [JOB.renderInquiryLetter]: (data) => jobs.letter.run(data as RenderInquiryLetterPayload),
    [JOB.renderPrintRun]: (data) => jobs.printRun.run(data as RenderPrintRunPayload),
  };

  const worker = new Worker(
    QUEUE.letters,
    async (job: Job) => {
      const processor = processors[job.name as JobName];
      if (!processor) throw new UnrecoverableError(`unknown job "${job.name}"`);
      try {
        return await processor(job.data);
      } catch (error) {
        // Retrying cannot make an unprintable letter printable: fail it at once for a person to see.
        if (error instanceof UnprintableLetterError || error instanceof RangeError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: Math.max(1000, Math.floor(options.lockMs / 2)),
      // A job whose worker died is taken over by another; twice is a crash loop, not bad luck.
      maxStalledCount: 2,
    },
  );

  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.warn({ jobId: job.id, job: job.name, attemptsMade: job.attemptsMade, final, err: error }, 'letter job failed');
    if (final) void markFailed(db, job, error.message).catch((e: unknown) => logger.error({ jobId: job.id, err: e }, 'could not record a failed letter job'));
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'letter worker error'));
  return worker;
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
