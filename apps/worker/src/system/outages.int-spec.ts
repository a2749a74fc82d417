import { createDatabaseClient } from '@madoguchi/db';
import { seedDemoData } from '@madoguchi/db/tools';
import { RedisCutter } from '@madoguchi/devstack/testing';
import { renderInquiryLetter } from '@madoguchi/jobs';
import { Client } from 'pg';
import { clerkAt, openCounter, STAFF_PASSWORD } from '../testing/fixtures';
import { killAll, renderedLetterIds, startApi, startWorker, stop, waitFor } from '../testing/processes';

/**
 * The worker as a process, against the run's real PostgreSQL and Redis: what happens to letters
 * when Redis is away, when the worker is killed, when it is stopped, and when two run at once.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const DEAD_REDIS = 'redis://127.0.0.1:1';

afterEach(() => killAll());
afterAll(() => db.$disconnect());

const statusOf = async (letterId: string) => (await db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId } })).status;
const allReady = async (letterIds: string[]) => (await db.inquiryLetter.count({ where: { id: { in: letterIds }, status: 'ready' } })) === letterIds.length;

/** Hold a letter's row lock from outside, so the worker's job for it is caught in the middle. */
async function holdLetter(letterId: string): Promise<{ waiting(): Promise<number>; release(): Promise<void> }> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM inquiry_letters WHERE id = $1 FOR UPDATE', [letterId]);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const holder = rows[0]!.pid;
  return {
    /** How many sessions wait on the held row: 1 once the worker's job has reached it. */
    async waiting() {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid))`;
      return row!.n;
    },
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

async function jobIdFor(letterId: string): Promise<string> {
  const row = await db.outboxMessage.findFirstOrThrow({ where: { job: renderInquiryLetter.name, payload: { equals: { letterId } } } });
  return `outbox-${row.id}`;
}

describe('Redis unavailable when the clerk registers', () => {
  it('the registration stands, and its letter is made once Redis is back', async () => {
    await seedDemoData(db, STAFF_PASSWORD);
    const api = await startApi({ REDIS_URL: DEAD_REDIS });
    let letterId: string;
    try {
      expect((await fetch(`${api.url}/health`)).status).toBe(503);
      const registered = await (await clerkAt(api.url))();
      expect(registered.status).toBe(201);
      letterId = registered.letterId!;
    } finally {
      await stop(api);
    }

    // A worker that cannot reach Redis keeps the job in the outbox and says so.
    const blind = startWorker({ REDIS_URL: DEAD_REDIS });
    await waitFor(
      () => blind.logs.some((l) => l.msg === 'outbox relay failed; rows stay in the outbox'),
      20000,
      () => `the relay to fail:\n${blind.output()}`,
    );
    expect(await statusOf(letterId)).toBe('pending');
    expect(await db.outboxMessage.count({ where: { payload: { equals: { letterId } }, sentAt: null } })).toBe(1);
    expect(await stop(blind)).toBe(0);

    const worker = startWorker();
    try {
      await waitFor(
        async () => (await statusOf(letterId)) === 'ready',
        30000,
        () => `the letter:\n${worker.output()}`,
      );
      // The log line follows the commit; give it the moment it takes to come through the pipe.
      await waitFor(
        () => renderedLetterIds(worker).length > 0,
        5000,
        () => worker.output(),
      );
      expect(renderedLetterIds(worker)).toEqual([letterId]);
      expect(await db.outboxMessage.count({ where: { payload: { equals: { letterId } }, sentAt: null } })).toBe(0);
    } finally {
      expect(await stop(worker)).toBe(0);
    }
  }, 90000);
});

describe('Redis going away while clerks register', () => {
  it('every case registered before, during and after the outage gets its letter, each once', async () => {
    const cutter = await RedisCutter.start(process.env.REDIS_URL!);
    const { api, register } = await openCounter(db);
    const worker = startWorker({ REDIS_URL: cutter.url });
    try {
      const letters: string[] = [];
      const registerSome = async (n: number) => {
        for (let i = 0; i < n; i++) {
          letters.push((await register()).letterId);
        }
      };
      await registerSome(10);
      cutter.cut();
      await registerSome(20);
      // With Redis away the new letters wait in the outbox, the worker says why, and nothing is lost.
      await waitFor(
        () => worker.logs.some((l) => String(l.msg).includes('Redis') || String(l.msg).includes('outbox relay failed')),
        20000,
        () => worker.output(),
      );
      const waiting = await db.inquiryLetter.count({ where: { id: { in: letters.slice(10) }, status: 'pending' } });
      expect(waiting).toBeGreaterThan(0);
      cutter.restore();
      await registerSome(10);

      await waitFor(
        () => allReady(letters),
        90000,
        () => `every letter after Redis came back:\n${worker.output()}`,
      );
      await waitFor(
        () => renderedLetterIds(worker).length >= letters.length,
        5000,
        () => worker.output(),
      );
      expect(renderedLetterIds(worker).sort()).toEqual([...letters].sort());
      console.log(
        `redis outage: ${letters.length} cases registered (20 while Redis was away, ${waiting} of their letters waiting in the outbox), ${letters.length} letters rendered once each, 0 lost`,
      );
    } finally {
      await Promise.all([stop(worker), stop(api)]);
      await cutter.close();
    }
  }, 180000);
});

describe('a worker killed in the middle of a job', () => {
  it('leaves every letter rendered exactly once once another worker has taken over', async () => {
    const counter = await openCounter(db);
    const cases = await counter.registerMany(12);
    const ids = cases.map((c) => c.letterId);
    const target = ids[2]!;
    const held = await holdLetter(target);
    const first = startWorker({ JOB_LOCK_MS: '2000' });
    let released = false;
    try {
      // The job for the held letter is now in the worker's hands, blocked half-way.
      const jobId = await jobIdFor(target);
      await waitFor(
        () => first.logs.some((l) => l.msg === 'worker started'),
        20000,
        () => first.output(),
      );
      const { Queue } = await import('bullmq');
      const queue = new Queue('letters', { connection: { url: process.env.REDIS_URL }, prefix: process.env.REDIS_PREFIX });
      try {
        await waitFor(
          async () => (await queue.getJobState(jobId)) === 'active',
          20000,
          () => `job ${jobId} to be active:\n${first.output()}`,
        );
        await waitFor(
          () => renderedLetterIds(first).length === ids.length - 1,
          30000,
          () => `the other letters:\n${first.output()}`,
        );
        expect(await stop(first, 'SIGKILL')).toBeNull();
        expect(await queue.getJobState(jobId)).toBe('active');
      } finally {
        await queue.close();
      }
      await held.release();
      released = true;
      expect(await statusOf(target)).toBe('pending');

      const second = startWorker({ JOB_LOCK_MS: '2000' });
      try {
        await waitFor(
          () => allReady(ids),
          60000,
          () => `every letter after the restart:\n${second.output()}`,
        );
        await waitFor(
          () => renderedLetterIds(second).length > 0,
          5000,
          () => second.output(),
        );
        expect([...renderedLetterIds(first), ...renderedLetterIds(second)].sort()).toEqual([...ids].sort());
        expect(renderedLetterIds(second)).toEqual([target]);
        expect(await db.inquiryLetter.count({ where: { caseId: { in: cases.map((c) => c.caseId) } } })).toBe(ids.length);
      } finally {
        await stop(second);
      }
    } finally {
      if (!released) await held.release();
      await stop(first, 'SIGKILL');
    }
  }, 120000);
});

describe('a worker asked to stop', () => {
  it('finishes the job in hand before it exits', async () => {
    const counter = await openCounter(db);
    const { letterId } = await counter.register();
    const held = await holdLetter(letterId);
    const worker = startWorker();
    try {
      await waitFor(
        async () => (await held.waiting()) === 1,
        20000,
        () => `the job to reach the held letter:\n${worker.output()}`,
      );
      worker.child.kill('SIGTERM');
      await waitFor(
        () => worker.logs.some((l) => l.msg === 'worker stopping: finishing the jobs in hand'),
        5000,
        () => worker.output(),
      );
      // Asked to stop, it is still there, its job still waiting on the letter.
      expect(worker.child.exitCode).toBeNull();
      expect(await held.waiting()).toBe(1);
      await held.release();
      expect(await worker.exited).toBe(0);
      expect(await statusOf(letterId)).toBe('ready');
      expect(renderedLetterIds(worker)).toEqual([letterId]);
    } finally {
      await stop(worker, 'SIGKILL');
    }
  }, 60000);
});

describe('two worker processes on one queue', () => {
  it('never render one letter twice, even with two jobs for every letter', async () => {
    const counter = await openCounter(db);
    const cases = await counter.registerMany(60);
    const ids = cases.map((c) => c.letterId);
    // Each registration wrote its letter's job; a second one for every letter, as a retried relay
    // or a careless operator might leave it.
    await db.outboxMessage.createMany({ data: ids.map((letterId) => ({ job: renderInquiryLetter.name, payload: { letterId } })) });
    const workers = [startWorker(), startWorker()];
    try {
      await waitFor(
        () => allReady(ids),
        60000,
        () => workers.map((w) => w.output()).join('\n'),
      );
      await waitFor(
        () => workers.reduce((n, w) => n + renderedLetterIds(w).length, 0) >= ids.length,
        5000,
        () => 'the render log lines',
      );
      await waitFor(
        () => workers.reduce((n, w) => n + w.logs.filter((l) => l.msg === 'letter not waiting to be rendered; nothing to do').length, 0) === ids.length,
        20000,
        () => 'the duplicate jobs',
      );
      expect(workers.flatMap(renderedLetterIds).sort()).toEqual([...ids].sort());
    } finally {
      await Promise.all(workers.map((w) => stop(w)));
    }
  }, 120000);
});
