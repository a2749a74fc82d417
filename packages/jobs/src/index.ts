export { defineJob, QUEUE, UnrecoverableJobError, type JobContext, type JobDefinition, type JobOutcome, type QueueName, type Writer } from './job';
export { enqueue, enqueueMany } from './enqueue';
export { DAILY_SCHEDULES, JOBS, jobNamed, type DailySchedule } from './registry';
export { sweepDeadlines } from './deadlines/sweep-deadlines';
export { renderInquiryLetter } from './letters/render-inquiry-letter';
export { renderPrintRun } from './letters/render-print-run';
export { UnprintableLetterError } from './letters/letter-data';
export { QueueInspector, type FailedJob } from './queue-inspector';
