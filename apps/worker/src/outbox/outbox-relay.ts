import type { Database } from '@madoguchi/db';
import { jobData, jobNamed, type QueueName } from '@madoguchi/jobs';
import { within } from '@madoguchi/platform';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';

interface OutboxRow {
  id: bigint;
  job: string;
  payload: unknown;
  municipality_id: string | null;
}

export interface RelayResult {
  sent: number;
  refused: number;
}

const ENQUEUE_TIMEOUT_MS = 5000;

/** The BullMQ job id of an outbox row: adding it twice (after a crash between add and mark) is a no-op. */
export function jobIdOf(rowId: bigint): string {
  return `outbox-${rowId}`;
}

/**
 * Moves outbox rows into their queues. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * relays (several worker processes) share the work without sending a row twice; a row is marked
 * sent only after Redis accepted its job, so a Redis outage delays jobs and never loses one.
 */
export class OutboxRelay {
  constructor(
    private readonly db: Database,
    private readonly queues: Record<QueueName, Queue>,
    private readonly logger: Logger,
    private readonly batchSize: number,
  ) {}

  async relayOnce(): Promise<RelayResult> {
    return this.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT id, job, payload, municipality_id FROM outbox_messages
          WHERE sent_at IS NULL AND last_error IS NULL
          ORDER BY id
          LIMIT ${this.batchSize}
          FOR UPDATE SKIP LOCKED`;
        const sent: bigint[] = [];
        const byQueue = new Map<QueueName, Parameters<Queue['addBulk']>[0]>();
        let refused = 0;
        for (const row of rows) {
          const job = jobNamed(row.job);
          if (!job) {
            // A row no worker can run must not block the rows behind it; it stays for a person to see.
            await tx.outboxMessage.update({
              where: { id: row.id },
              data: { attempts: { increment: 1 }, lastError: `unknown job "${row.job}"` },
            });
            this.logger.error({ outboxId: String(row.id), job: row.job }, 'outbox row names an unknown job');
            refused++;
            continue;
          }
          const jobs = byQueue.get(job.queue) ?? [];
          byQueue.set(job.queue, jobs);
          jobs.push({ name: row.job, data: jobData(row.payload, row.municipality_id), opts: { jobId: jobIdOf(row.id) } });
          sent.push(row.id);
        }
        // A queue's jobs in one round trip to Redis (one add each would be a round trip each). Should
        // Redis fail part-way, no row is marked sent, and the jobs added already are found by their ids
        // when the rows are relayed again.
        for (const [queue, jobs] of byQueue) {
          await within(this.queues[queue].addBulk(jobs), ENQUEUE_TIMEOUT_MS, `Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`);
        }
        if (sent.length) {
          await tx.outboxMessage.updateMany({ where: { id: { in: sent } }, data: { sentAt: new Date(), attempts: { increment: 1 } } });
        }
        return { sent: sent.length, refused };
      },
      { timeout: 60000 },
    );
  }
}

/** Runs the relay until stopped: at once again after a full batch, else after the poll interval; backs off while Redis is away. */
export class OutboxRelayLoop {
  private running = false;
  private done: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly logger: Logger,
    private readonly pollMs: number,
    private readonly batchSize: number,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  private async run(): Promise<void> {
    let delay = this.pollMs;
    while (this.running) {
      try {
        const { sent, refused } = await this.relay.relayOnce();
        if (sent) this.logger.info({ sent }, 'outbox rows relayed');
        delay = sent + refused >= this.batchSize ? 0 : this.pollMs;
      } catch (error) {
        delay = Math.min(Math.max(delay * 2, this.pollMs), 10000);
        this.logger.warn({ err: error, retryInMs: delay }, 'outbox relay failed; rows stay in the outbox');
      }
      if (delay && this.running)
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, delay).unref();
        });
    }
  }
}
