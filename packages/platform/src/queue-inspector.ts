import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FailedJob, QueueCounts } from '@madoguchi/contract';
import { QUEUE, type QueueName } from './queues';
import { within } from './within';

export type { FailedJob, QueueCounts };

/**
 * A read-only look into the queues for supervisors: counts per state and the jobs that failed for
 * good. It never adds or changes a job (jobs only ever enter through the outbox).
 */
export class QueueInspector {
  private readonly queues: Record<QueueName, Queue>;

  constructor(connection: Redis, prefix: string, private readonly timeoutMs = 1500) {
    this.queues = Object.fromEntries(Object.values(QUEUE).map((name) => [name, new Queue(name, { connection, prefix })])) as Record<QueueName, Queue>;
    for (const queue of Object.values(this.queues)) queue.on('error', () => undefined);
  }

  /** Counts per queue, or undefined while Redis is away. */
  async counts(): Promise<Record<QueueName, QueueCounts> | undefined> {
    try {
      const entries = await within(
        Promise.all(
          Object.entries(this.queues).map(async ([name, queue]) => {
            const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
            return [name, { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 }] as const;
          }),
        ),
        this.timeoutMs,
        `Redis did not answer within ${this.timeoutMs} ms`,
      );
      return Object.fromEntries(entries) as Record<QueueName, QueueCounts>;
    } catch {
      return undefined;
    }
  }

  /** The newest jobs that failed for good, newest first. */
  async failedJobs(limit = 20): Promise<FailedJob[] | undefined> {
    try {
      const lists = await within(
        Promise.all(
          Object.entries(this.queues).map(async ([name, queue]) =>
            (await queue.getFailed(0, limit - 1)).map((job) => ({
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
      return lists.flat().sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '')).slice(0, limit);
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close().catch(() => undefined)));
  }
}
