import { createDatabaseClient } from '@madoguchi/db';
import { ConfigError, createLogger } from '@madoguchi/platform';
import { loadWorkerConfig } from './config';
import { OutboxRelay, OutboxRelayLoop } from './outbox/outbox-relay';
import { openQueues } from './queues';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = createLogger('worker', config.LOG_LEVEL);
  const db = createDatabaseClient(config.DATABASE_URL, { poolSize: 4 });
  const { queues, close: closeQueues } = openQueues(config);
  const relay = new OutboxRelayLoop(new OutboxRelay(db, queues, logger, config.OUTBOX_BATCH), logger, config.OUTBOX_POLL_MS, config.OUTBOX_BATCH);
  relay.start();
  logger.info({ queues: Object.keys(queues), prefix: config.REDIS_PREFIX }, 'worker started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    await relay.stop();
    await closeQueues();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
