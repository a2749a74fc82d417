export { defineJob, QUEUE, UnrecoverableJobError, type JobContext, type JobDefinition, type JobOutcome, type QueueName, type Writer } from './job';
export { enqueue, enqueueMany } from './enqueue';
export { JOBS, jobNamed } from './registry';
export { renderInquiryLetter } from './letters/render-inquiry-letter';
export { renderPrintRun } from './letters/render-print-run';
export { UnprintableLetterError } from './letters/letter-data';
export { QueueInspector, type FailedJob } from './queue-inspector';
