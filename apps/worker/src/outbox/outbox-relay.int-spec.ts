import { createDatabaseClient } from '@madoguchi/db';
import { QUEUE, renderInquiryLetter } from '@madoguchi/jobs';
import { createLogger } from '@madoguchi/platform';
import { openQueues } from '../queues';
import { jobIdOf, OutboxRelay } from './outbox-relay';

const db = createDatabaseClient(process.env.DATABASE_URL!);
const redis = { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! };
const logger = createLogger('test', 'silent');
const open = openQueues(redis);
const queues = open.queues;

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  await queues[QUEUE.letters].obliterate({ force: true });
});
afterAll(async () => {
  // Leave nothing for the worker tests that run after this file.
  await queues[QUEUE.letters].obliterate({ force: true });
  await db.outboxMessage.deleteMany();
  await open.close();
  await db.$disconnect();
});

async function writeOutbox(count: number, job: string = renderInquiryLetter.name) {
  const rows = [];
  for (let i = 0; i < count; i++) rows.push(await db.outboxMessage.create({ data: { job, payload: { letterId: `letter-${i}` } } }));
  return rows;
}

describe('OutboxRelay', () => {
  it('moves every unsent row into its queue with its payload, once', async () => {
    const rows = await writeOutbox(3);
    const relay = new OutboxRelay(db, queues, logger, 100);
    expect(await relay.relayOnce()).toEqual({ sent: 3, refused: 0 });
    expect(await relay.relayOnce()).toEqual({ sent: 0, refused: 0 });

    const queued = await queues[QUEUE.letters].getJobs(['waiting']);
    expect(queued.map((j) => j.id).sort()).toEqual(rows.map((r) => jobIdOf(r.id)).sort());
    const first = await queues[QUEUE.letters].getJob(jobIdOf(rows[0]!.id));
    expect(first?.name).toBe(renderInquiryLetter.name);
    expect(first?.data).toEqual({ letterId: 'letter-0' });
    expect(await db.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it('keeps rows in the outbox while Redis is unreachable, and sends them once it is back', async () => {
    await writeOutbox(2);
    const dead = openQueues({ ...redis, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      await expect(new OutboxRelay(db, dead.queues, logger, 100).relayOnce()).rejects.toThrow('Redis did not answer within 5000 ms');
    } finally {
      await dead.close();
    }
    expect(await db.outboxMessage.count({ where: { sentAt: null } })).toBe(2);

    expect(await new OutboxRelay(db, queues, logger, 100).relayOnce()).toEqual({ sent: 2, refused: 0 });
    expect(await queues[QUEUE.letters].count()).toBe(2);
  });

  it('shares rows between concurrent relays without sending one twice', async () => {
    await writeOutbox(40);
    const relays = [1, 2, 3, 4].map(() => new OutboxRelay(db, queues, logger, 5));
    let total = 0;
    for (;;) {
      const results = await Promise.all(relays.map((r) => r.relayOnce()));
      const sent = results.reduce((n, r) => n + r.sent, 0);
      if (!sent) break;
      total += sent;
    }
    expect(total).toBe(40);
    expect(await queues[QUEUE.letters].count()).toBe(40);
  });

  it('sets aside a row naming an unknown job without blocking the rows behind it', async () => {
    const [bad] = await writeOutbox(1, 'format-hard-disk');
    await writeOutbox(1);
    expect(await new OutboxRelay(db, queues, logger, 100).relayOnce()).toEqual({ sent: 1, refused: 1 });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: bad!.id } });
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toBe('unknown job "format-hard-disk"');
    expect(await new OutboxRelay(db, queues, logger, 100).relayOnce()).toEqual({ sent: 0, refused: 0 });
  });
});
