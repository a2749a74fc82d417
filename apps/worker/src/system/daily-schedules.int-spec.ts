import { createDatabaseClient } from '@madoguchi/db';
import { RedisCutter } from '@madoguchi/devstack/testing';
import { addDays, japanDate } from '@madoguchi/domain';
import { QUEUE, sweepDeadlines } from '@madoguchi/jobs';
import { dailyTestCity } from '@madoguchi/jobs/testing';
import { openQueues } from '../queues';
import { schedulerId } from '../schedules';
import { killAll, startWorker, stop, waitFor } from '../testing/processes';

/**
 * The daily jobs as the worker process runs them, against the run's Redis (through a relay the test
 * can cut): a job scheduler per municipality at its policy's time, Japan time; registered again when
 * the worker reconnects to a Redis that lost them; and a day whose time passed with no run recorded
 * (the worker or Redis was away) run at once.
 */
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const open = openQueues({ REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! });
const queue = open.queues[QUEUE.schedule];

afterAll(async () => {
  await killAll();
  await open.close();
  await db.$disconnect();
});

/** A city whose sweep is at midnight (so today's is always due), with one case past its deadline and grace days. */
async function midnightCity(code: string) {
  const city = await dailyTestCity(db, code, { dailySweepAt: '00:00' });
  return { municipalityId: city.municipalityId, lapsing: await city.mailedCase(addDays(japanDate(new Date()), -30)) };
}

const schedulerOf = async (municipalityId: string) => (await queue.getJobSchedulers()).find((s) => s.key === schedulerId(sweepDeadlines.name, municipalityId));

describe('the daily jobs', () => {
  it('are scheduled per municipality at its time when the worker connects, a missed day runs at once, and Redis losing them is mended on reconnection', async () => {
    const city = await midnightCity('980601');
    const cutter = await RedisCutter.start(process.env.REDIS_URL!);
    const worker = startWorker({ REDIS_URL: cutter.url });
    try {
      await waitFor(
        async () => (await schedulerOf(city.municipalityId)) !== undefined,
        30000,
        () => `the scheduler to be registered:\n${worker.output()}`,
      );
      expect(await schedulerOf(city.municipalityId)).toMatchObject({ name: sweepDeadlines.name, pattern: '0 0 * * *', tz: 'Asia/Tokyo' });

      // Today's midnight sweep never ran: the worker runs it now, and the case lapses by the system.
      await waitFor(
        async () => (await db.pinResetCase.findUniqueOrThrow({ where: { id: city.lapsing } })).state === 'cancelled',
        30000,
        () => `the missed sweep to run:\n${worker.output()}`,
      );
      const [entry] = await db.caseHistory.findMany({ where: { caseId: city.lapsing } });
      expect(entry).toMatchObject({ actorId: null, reason: 'reply_overdue' });
      expect(worker.logs.some((l) => l.msg === 'daily job missed today; running it now' && l.municipalityId === city.municipalityId)).toBe(true);

      // Redis loses its data (the schedulers with it), and the worker's connection drops and comes back.
      await queue.removeJobScheduler(schedulerId(sweepDeadlines.name, city.municipalityId));
      expect(await schedulerOf(city.municipalityId)).toBeUndefined();
      const registrations = () => worker.logs.filter((l) => l.msg === 'daily job schedulers registered').length;
      const before = registrations();
      cutter.cut();
      cutter.restore();
      await waitFor(
        async () => registrations() > before && (await schedulerOf(city.municipalityId)) !== undefined,
        60000,
        () => `the schedulers to be registered again:\n${worker.output()}`,
      );
      // The day's run is recorded: reconnecting does not run it again.
      const sweeps = await db.dailyRun.findMany({ where: { municipalityId: city.municipalityId, job: sweepDeadlines.name } });
      expect(sweeps).toEqual([expect.objectContaining({ done: 1 })]);
    } finally {
      await stop(worker);
      await cutter.close();
    }
  }, 120000);
});
