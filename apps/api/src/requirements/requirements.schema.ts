import { z } from 'zod';
import { caseFactsShape, isoDate } from '../cases/case-body.schema';

/** `POST /api/requirements`: a case as far as it is filled in, the day of the visit, and the office. */
export const requirementsQuestionSchema = z.strictObject({
  ...caseFactsShape,
  /** Defaults to today in Japan. */
  on: isoDate.optional(),
  /** Whose policy applies; defaults to the caller's office. */
  officeId: z.uuid({ error: '窓口の ID が正しくありません。' }).optional(),
});

export type RequirementsRequest = z.infer<typeof requirementsQuestionSchema>;
