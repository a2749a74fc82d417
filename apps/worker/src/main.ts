import { checkIsolationAtStart, createDatabaseClient } from '@madoguchi/db';
import { japanDate } from '@madoguchi/domain';
import { ConfigError, createLogger, LetterCodes, poolWaitReporter } from '@madoguchi/platform';
import { Redis } from 'ioredis';
import { loadWorkerConfig } from './config';
import { QUEUE, type JobContext } from '@madoguchi/jobs';
import { JobWorker } from './jobs/job-worker';
import { LostJobs } from './outbox/lost-jobs';
import { OutboxRelay, OutboxRelayLoop } from './outbox/outbox-relay';
import { openQueues } from './queues';
import { registerDailySchedules } from './schedules';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = createLogger('worker', config.LOG_LEVEL);
  const db = createDatabaseClient(config.DATABASE_URL, {
    poolSize: config.WORKER_CONCURRENCY + 2,
    onPoolWait: poolWaitReporter((fields, message) => logger.warn(fields, message)),
  });
  const codes = new LetterCodes(config.LETTER_SECRET);
  checkIsolationAtStart(db, { warn: (m) => logger.warn(m), fatal: (m) => logger.fatal(m) });

  const { queues, onReady, close: closeQueues } = openQueues(config);
  const relay = new OutboxRelayLoop(new OutboxRelay(db, queues, logger, config.OUTBOX_BATCH), logger, config.OUTBOX_POLL_MS, config.OUTBOX_BATCH);

  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, connectTimeout: 2000 });
  connection.on('error', () => undefined);
  const ctx: JobContext = { db, codes, logger, clock: { now: () => new Date(), today: () => japanDate(new Date()) } };
  const worker = new JobWorker(QUEUE.letters, ctx, {
    connection,
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    lockMs: config.JOB_LOCK_MS,
  });
  // The daily jobs (deadline sweep…) one at a time, on their own queue.
  const daily = new JobWorker(QUEUE.schedule, ctx, { connection, prefix: config.REDIS_PREFIX, concurrency: 1, lockMs: config.JOB_LOCK_MS });
  // Registered whenever Redis is (again) reachable: a Redis restarted without its data has lost them,
  // and the jobs of outbox rows already sent with them.
  const lostJobs = new LostJobs(db, queues, logger);
  let registering: Promise<unknown> = Promise.resolve();
  onReady(() => {
    registering = registering
      .then(() => registerDailySchedules(queues[QUEUE.schedule], ctx))
      .catch((error: unknown) => logger.warn({ err: error }, 'could not register the daily job schedulers; will try at the next connection'));
    void lostJobs.check();
  });
  relay.start();
  lostJobs.start(config.LOST_JOBS_CHECK_MS);
  logger.info({ queues: Object.keys(queues), prefix: config.REDIS_PREFIX, concurrency: config.WORKER_CONCURRENCY }, 'worker started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing the jobs in hand');
    // The jobs in hand finish; anything not started stays in the queue for the next worker.
    await Promise.all([worker.close(), daily.close(), relay.stop(), lostJobs.stop()]);
    await closeQueues();
    connection.disconnect();
    await db.$disconnect();
    logger.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
