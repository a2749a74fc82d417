import { LETTER_STATUS, RETURN_REASON } from '@madoguchi/domain';
import { z } from 'zod';
import { plainText } from './fields';

/** `GET /api/letters`'s `filter`: the print desk's list. */
export const letterListFilterSchema = z.strictObject({
  status: z.union([z.enum(LETTER_STATUS.values), z.array(z.enum(LETTER_STATUS.values)).max(6)]).optional(),
  /** Ready letters whose case still needs them: what the next print run can take. */
  awaitingPrint: z.literal(true).optional(),
  caseId: z.uuid().optional(),
  printRunId: z.uuid().optional(),
  officeId: z.uuid().optional(),
  /** react-admin's getMany. */
  id: z.array(z.uuid()).max(100).optional(),
});
export const LETTER_LIST_SORTABLE = ['createdAt', 'status', 'renderedAt'] as const;

/**
 * `POST /api/letters/returned`: a letter the post office brought back (返戻), found by the inquiry
 * number printed on it, with the reason on the postal label (`other`: its words in `note`).
 */
export const letterReturnSchema = z.strictObject({
  inquiryNumber: plainText.pipe(z.string().trim().min(1).max(40)),
  reason: z.enum(RETURN_REASON.values),
  note: plainText.pipe(z.string().trim().max(200)).nullish(),
});
export type LetterReturnBody = z.input<typeof letterReturnSchema>;
export type LetterReturnRequest = z.output<typeof letterReturnSchema>;

/** `GET /api/completion-notices`'s `filter`. */
export const completionNoticeListFilterSchema = z.strictObject({
  status: z.union([z.enum(LETTER_STATUS.values), z.array(z.enum(LETTER_STATUS.values)).max(6)]).optional(),
  caseId: z.uuid().optional(),
});
