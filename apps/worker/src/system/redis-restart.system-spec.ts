import { spawn, type ChildProcess } from 'node:child_process';
import { createDatabaseClient } from '@madoguchi/db';
import { freePorts } from '@madoguchi/devstack/testing';
import { QUEUE, renderInquiryLetter } from '@madoguchi/jobs';
import { createLogger } from '@madoguchi/platform';
import { Redis } from 'ioredis';
import { openCounter } from '../testing/fixtures';
import { killAll, renderedLines, startWorker, stop, waitFor } from '../testing/processes';
import { openQueues } from '../queues';
import { OutboxRelay } from '../outbox/outbox-relay';

/**
 * A Redis without persistence restarts after the relay handed it the letters' jobs and marked
 * their outbox rows sent: the jobs are gone, and nothing in the outbox would send them again. The
 * worker that connects to the new, empty Redis finds the letters still owed and enqueues their jobs
 * again from the outbox rows; every letter is rendered, each once.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
let redis: ChildProcess | undefined;

/** A Redis of this test's own that keeps nothing on disk (as a server configured without persistence). */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  await waitFor(
    () =>
      client.connect().then(
        () => client.ping().then((pong) => pong === 'PONG'),
        () => false,
      ),
    10000,
    () => `redis-server on port ${port}`,
  );
  client.disconnect();
  return child;
}

afterEach(() => killAll());
afterAll(async () => {
  redis?.kill('SIGKILL');
  await db.$disconnect();
});

describe('Redis restarted without its data', () => {
  it('loses no letter: the worker enqueues the owed jobs again and renders each letter once', async () => {
    const port = await freePorts();
    redis = await startRedis(port);
    const config = { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: process.env.REDIS_PREFIX! };

    const counter = await openCounter(db);
    let letterIds: string[];
    try {
      letterIds = (await counter.registerMany(12)).map((c) => c.letterId!);
    } finally {
      await stop(counter.api);
    }
    // The relay hands every job to this Redis and marks the rows sent; no worker takes them yet.
    const open = openQueues(config);
    try {
      const relay = new OutboxRelay(db, open.queues, createLogger('test', 'silent'), 100);
      while ((await relay.relayOnce()).sent > 0);
      expect(await open.queues[QUEUE.letters].getWaitingCount()).toBeGreaterThanOrEqual(letterIds.length);
    } finally {
      await open.close();
    }
    const unsent = await db.outboxMessage.count({ where: { job: renderInquiryLetter.name, sentAt: null } });
    expect(unsent).toBe(0);

    // The server dies and comes back empty.
    redis.kill('SIGKILL');
    await new Promise((resolve) => redis!.once('exit', resolve));
    redis = await startRedis(port);
    const empty = new Redis(port, '127.0.0.1');
    expect(await empty.dbsize()).toBe(0);
    empty.disconnect();

    const worker = startWorker(config);
    const ready = () => db.inquiryLetter.count({ where: { id: { in: letterIds }, status: 'ready' } });
    await waitFor(
      async () => (await ready()) === letterIds.length,
      60000,
      () => `the ${letterIds.length} letters to be ready`,
    );
    expect((await renderedLines([worker], letterIds)).sort()).toEqual([...letterIds].sort());
    expect(worker.logs.some((l) => l.msg === 'jobs Redis had lost were enqueued again from the outbox')).toBe(true);
    await stop(worker);
  }, 120_000);
});
