import { env, loadConfig } from '@madoguchi/platform';

export const WORKER_CONFIG_SHAPE = {
  DATABASE_URL: env.databaseUrl,
  REDIS_URL: env.redisUrl,
  REDIS_PREFIX: env.redisPrefix,
  LOG_LEVEL: env.logLevel,
  /** How often the relay looks for outbox rows when it found none last time. */
  OUTBOX_POLL_MS: env.positiveInt(500),
  /** Rows moved per relay transaction. */
  OUTBOX_BATCH: env.positiveInt(100),
};

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

export function loadWorkerConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(WORKER_CONFIG_SHAPE, source);
}
