import { inMunicipality, type Database } from '@madoguchi/db';
import { japanTime, validatePolicy } from '@madoguchi/domain';
import { DAILY_SCHEDULES, dayFinished, type JobContext } from '@madoguchi/jobs';
import type { Queue } from 'bullmq';

/** A cron pattern for HH:MM every day. */
const daily = (at: string) => {
  const [hours, minutes] = at.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
};

/** The id of one municipality's scheduler of one daily job. */
export const schedulerId = (job: string, municipalityId: string) => `${job}-${municipalityId}`;

/**
 * Register the daily jobs (the job registry's DAILY_SCHEDULES) for every municipality, at its
 * policy's time in Japan time: BullMQ's job schedulers, upserted, so registering again changes
 * nothing but a moved time. A day whose time has passed with no run recorded (the worker or
 * Redis was away) gets its run now, under a job id of its own so it is added once.
 */
export async function registerDailySchedules(queue: Queue, ctx: Pick<JobContext, 'db' | 'clock' | 'logger'>): Promise<number> {
  const { db, clock, logger } = ctx;
  const municipalities = await latestPolicies(db);
  const today = clock.today();
  const nowInJapan = japanTime(clock.now());
  let registered = 0;
  for (const { municipalityId, policy } of municipalities) {
    for (const schedule of DAILY_SCHEDULES) {
      const at = schedule.at(policy);
      await queue.upsertJobScheduler(
        schedulerId(schedule.job.name, municipalityId),
        { pattern: daily(at), tz: 'Asia/Tokyo' },
        { name: schedule.job.name, data: { municipalityId } },
      );
      registered++;
      if (at <= nowInJapan && !(await inMunicipality(municipalityId, () => dayFinished(db, schedule.job.name, municipalityId, today)))) {
        await queue.add(schedule.job.name, { municipalityId }, { jobId: `${schedule.job.name}-${municipalityId}-${today}` });
        logger.info({ job: schedule.job.name, municipalityId, day: today }, 'daily job missed today; running it now');
      }
    }
  }
  logger.info({ schedulers: registered }, 'daily job schedulers registered');
  return registered;
}

/** Each municipality's latest policy, read in its own scope (row-level security shows one at a time); suspended ones have none to run. */
async function latestPolicies(db: Database) {
  const municipalities = await db.municipality.findMany({ where: { suspendedAt: null }, select: { id: true }, orderBy: { code: 'asc' } });
  const out = [];
  for (const { id } of municipalities) {
    const latest = await inMunicipality(id, () =>
      db.policyVersion.findFirst({ where: { municipalityId: id }, orderBy: { version: 'desc' }, select: { policy: true } }),
    );
    const checked = latest ? validatePolicy(latest.policy) : undefined;
    if (checked?.ok) out.push({ municipalityId: id, policy: checked.policy });
  }
  return out;
}
