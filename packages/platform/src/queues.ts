/**
 * The one catalogue of queues and jobs. The API never talks to BullMQ: it writes an outbox row
 * naming one of these jobs, in the same transaction as the change that needs it, and the
 * worker's relay moves the row into the queue.
 */
export const QUEUE = {
  letters: 'letters',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export const JOB = {
  /** Render one inquiry-and-reply letter (照会書兼回答書) to PDF. */
  renderInquiryLetter: 'render-inquiry-letter',
  /** Merge the letters of a print run into one PDF. */
  renderPrintRun: 'render-print-run',
} as const;
export type JobName = (typeof JOB)[keyof typeof JOB];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JOB.renderInquiryLetter]: QUEUE.letters,
  [JOB.renderPrintRun]: QUEUE.letters,
};

export function isJobName(value: string): value is JobName {
  return Object.hasOwn(JOB_QUEUE, value);
}
