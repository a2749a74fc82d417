import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FailedJob } from '@madoguchi/contract';
import { QUEUE, type QueueName } from './job';
import { within } from '@madoguchi/platform';

export type { FailedJob };

/**
 * A read-only look into the queues for supervisors: whether Redis answers, and the jobs that
 * failed for good. It never adds or changes a job (jobs only ever enter through the outbox).
 */
export class QueueInspector {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    private readonly connection: Redis,
    prefix: string,
    private readonly timeoutMs = 1500,
  ) {
    this.queues = Object.fromEntries(Object.values(QUEUE).map((name) => [name, new Queue(name, { connection, prefix })])) as Record<QueueName, Queue>;
    for (const queue of Object.values(this.queues)) queue.on('error', () => undefined);
  }

  /** Whether Redis answers within the time limit. */
  async reachable(): Promise<boolean> {
    try {
      await within(this.connection.ping(), this.timeoutMs, `Redis did not answer within ${this.timeoutMs} ms`);
      return true;
    } catch {
      return false;
    }
  }

  /** The newest jobs that failed for good, newest first, each with its data (to tell whose it is); undefined while Redis is away. */
  async failedJobs(limit = 20): Promise<(FailedJob & { data: unknown })[] | undefined> {
    try {
      const lists = await within(
        Promise.all(
          Object.entries(this.queues).map(async ([name, queue]) =>
            (await queue.getFailed(0, limit - 1)).map((job) => ({
              data: job.data as unknown,
              id: String(job.id),
              queue: name,
              name: job.name,
              reason: job.failedReason,
              attemptsMade: job.attemptsMade,
              failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
            })),
          ),
        ),
        this.timeoutMs,
        `Redis did not answer within ${this.timeoutMs} ms`,
      );
      return lists
        .flat()
        .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
        .slice(0, limit);
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close().catch(() => undefined)));
  }
}
