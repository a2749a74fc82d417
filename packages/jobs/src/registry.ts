import type { MunicipalityPolicy } from '@madoguchi/domain';
import { sweepDeadlines } from './deadlines/sweep-deadlines';
import { removeExpiredPdfs } from './retention/remove-expired-pdfs';
import { renderMailLedger } from './ledgers/render-mail-ledger';
import { renderCompletionNotice } from './notices/render-completion-notice';
import type { JobDefinition } from './job';
import { renderInquiryLetter } from './letters/render-inquiry-letter';
import { renderPrintRun } from './letters/render-print-run';

/** Every job the system runs, by name: the worker dispatches from here and the relay finds each job's queue. */
export const JOBS: readonly JobDefinition<never>[] = [
  renderInquiryLetter,
  renderPrintRun,
  renderCompletionNotice,
  renderMailLedger,
  sweepDeadlines,
  removeExpiredPdfs,
] as JobDefinition<never>[];

/**
 * The jobs that run by the clock: once a day per municipality, at the time its policy names (Japan
 * time). The worker registers a BullMQ job scheduler for each whenever it connects to Redis (which
 * may have lost them), and runs one at once for a day whose time has passed with no run recorded
 * (each job records its (municipality, day) runs in daily_runs).
 */
export interface DailySchedule {
  job: JobDefinition<{ municipalityId: string }>;
  /** The policy's time of day for it (HH:MM, Japan time). */
  at(policy: MunicipalityPolicy): string;
}

export const DAILY_SCHEDULES: readonly DailySchedule[] = [
  {
    job: sweepDeadlines,
    at: (policy) => policy.dailySweepAt,
  },
  {
    job: removeExpiredPdfs,
    at: (policy) => policy.dailySweepAt,
  },
];

const BY_NAME = new Map(JOBS.map((job) => [job.name, job as JobDefinition<unknown>]));

/** The job an outbox row or a queued job names, or undefined for a name no worker knows. */
export function jobNamed(name: string): JobDefinition<unknown> | undefined {
  return BY_NAME.get(name);
}
