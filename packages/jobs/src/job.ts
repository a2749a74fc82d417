import type { Database, Prisma } from '@madoguchi/db';
import type { IsoDate } from '@madoguchi/domain';
import type { LetterCodes } from '@madoguchi/platform';
import type { Logger } from 'pino';
import type { z } from 'zod';

/** The queues jobs run on. */
export const QUEUE = {
  letters: 'letters',
  /** The daily jobs their schedulers start (one at a time: they sweep whole municipalities). */
  schedule: 'schedule',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** What a job has to work with: the database, the letters' check-code key, a logger, and the clock. */
export interface JobContext {
  db: Database;
  codes: LetterCodes;
  logger: Logger;
  clock: { now(): Date; today(): IsoDate };
}

/** What a run did: the work, or nothing because it was already done (every job may run twice). */
export type JobOutcome = 'done' | 'skipped';

/** A failure retrying cannot mend (bad stored data): the job fails at once, for a person to see. */
export class UnrecoverableJobError extends Error {
  override name = 'UnrecoverableJobError';
}

/**
 * One kind of background job: its name (the outbox row's `job`), its queue, the schema of its
 * payload (checked when it is enqueued and again when it runs), what it does, and what a final
 * failure leaves behind for people (a letter marked failed, a print run with its error).
 */
export interface JobDefinition<P = unknown> {
  name: string;
  queue: QueueName;
  payload: z.ZodType<P>;
  run(ctx: JobContext, payload: P): Promise<JobOutcome>;
  onFinalFailure?(ctx: JobContext, payload: P, reason: string): Promise<void>;
}

export function defineJob<P>(job: JobDefinition<P>): JobDefinition<P> {
  return job;
}

/** The database client or a transaction of it: where an outbox row can be written. */
export type Writer = Database | Prisma.TransactionClient;
