/** The statuses of a letter on its way to the post (mailed and superseded letters are history). */
export const PIPELINE_LETTER_STATUSES = ['pending', 'ready', 'printed', 'failed'] as const;
export type PipelineLetterStatus = (typeof PIPELINE_LETTER_STATUSES)[number];
