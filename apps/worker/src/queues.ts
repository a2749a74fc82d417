import { QUEUE, type QueueName } from '@madoguchi/jobs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { WorkerConfig } from './config';

export interface OpenQueues {
  queues: Record<QueueName, Queue>;
  /** Call `listener` each time the queues' connection to Redis is (again) ready. */
  onReady(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * The BullMQ queues the relay fills, under the deployment's (or test run's) key prefix, on one
 * Redis connection that this module owns, so closing never waits on a Redis that is away.
 */
export function openQueues(config: Pick<WorkerConfig, 'REDIS_URL' | 'REDIS_PREFIX'>): OpenQueues {
  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, connectTimeout: 2000 });
  connection.on('error', () => undefined);
  const queues = {} as Record<QueueName, Queue>;
  for (const name of Object.values(QUEUE)) {
    queues[name] = new Queue(name, {
      connection,
      prefix: config.REDIS_PREFIX,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
        // Kept a day so a re-added row (after a crash before "sent") is recognised as done.
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: false,
      },
    });
    queues[name].on('error', () => undefined);
  }
  return {
    queues,
    onReady(listener) {
      connection.on('ready', listener);
      if (connection.status === 'ready') listener();
    },
    async close() {
      await Promise.race([Promise.all(Object.values(queues).map((q) => q.close().catch(() => undefined))), new Promise((r) => setTimeout(r, 2000).unref())]);
      connection.disconnect();
    },
  };
}
