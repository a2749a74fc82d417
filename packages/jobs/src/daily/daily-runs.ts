import { dateColumn, type Database } from '@madoguchi/db';
import type { IsoDate } from '@madoguchi/domain';

/**
 * The record of a daily job's run for a municipality and a Japan day (table daily_runs): claimed
 * when it starts, finished when it is done. A run that finds its day finished does nothing; one
 * that finds it claimed but unfinished (a worker that died) does it again, which the jobs allow.
 */
export async function claimDay(db: Database, job: string, municipalityId: string, day: IsoDate): Promise<'claimed' | 'finished'> {
  const [row] = await db.$queryRaw<{ finished: boolean }[]>`
    INSERT INTO daily_runs (job, municipality_id, day) VALUES (${job}, ${municipalityId}::uuid, ${day}::date)
    ON CONFLICT (job, municipality_id, day) DO UPDATE SET started_at = daily_runs.started_at
    RETURNING finished_at IS NOT NULL AS finished`;
  return row?.finished ? 'finished' : 'claimed';
}

export async function finishDay(db: Database, job: string, municipalityId: string, day: IsoDate, done: number, now: Date): Promise<void> {
  await db.dailyRun.update({
    where: { job_municipalityId_day: { job, municipalityId, day: dateColumn(day) } },
    data: { finishedAt: now, done: { increment: done } },
  });
}

/** Whether the day's run of the job is recorded as finished. */
export async function dayFinished(db: Database, job: string, municipalityId: string, day: IsoDate): Promise<boolean> {
  return (await db.dailyRun.count({ where: { job, municipalityId, day: dateColumn(day), finishedAt: { not: null } } })) > 0;
}
