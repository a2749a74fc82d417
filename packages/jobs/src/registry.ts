import type { JobDefinition } from './job';
import { renderInquiryLetter } from './letters/render-inquiry-letter';
import { renderPrintRun } from './letters/render-print-run';

/** Every job the system runs, by name: the worker dispatches from here and the relay finds each job's queue. */
export const JOBS: readonly JobDefinition<never>[] = [renderInquiryLetter, renderPrintRun] as JobDefinition<never>[];

const BY_NAME = new Map(JOBS.map((job) => [job.name, job as JobDefinition<unknown>]));

/** The job an outbox row or a queued job names, or undefined for a name no worker knows. */
export function jobNamed(name: string): JobDefinition<unknown> | undefined {
  return BY_NAME.get(name);
}
