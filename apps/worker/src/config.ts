import { env, loadConfig } from '@madoguchi/platform';

export const WORKER_CONFIG_SHAPE = {
  DATABASE_URL: env.databaseUrl,
  REDIS_URL: env.redisUrl,
  REDIS_PREFIX: env.redisPrefix,
  LOG_LEVEL: env.logLevel,
  /** Keys the check codes printed on letters; the same secret as the API's. */
  LETTER_SECRET: env.secret('LETTER_SECRET'),
  /**
   * Jobs one worker process runs at once. A letter's job waits on PostgreSQL and Redis for about a
   * fifth of its time, which the jobs beside it fill: measured one process, 2 at once made 70 letters a
   * second, 4 made 77–80, 6 made 83 (bench/README.md). Rendering is CPU work: more processes, not more
   * at once, for more cores.
   */
  WORKER_CONCURRENCY: env.positiveInt(4),
  /** How long a job stays with a worker that stopped answering before another worker takes it over. */
  JOB_LOCK_MS: env.positiveInt(30000),
  /** How often the relay looks for outbox rows when it found none last time. */
  OUTBOX_POLL_MS: env.positiveInt(500),
  /** Rows moved per relay transaction. */
  OUTBOX_BATCH: env.positiveInt(100),
  /** How often sent outbox rows whose work is still owed are checked against Redis (and at each reconnection). */
  LOST_JOBS_CHECK_MS: env.positiveInt(60000),
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

export function loadWorkerConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(WORKER_CONFIG_SHAPE, source);
}
