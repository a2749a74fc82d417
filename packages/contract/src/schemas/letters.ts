import { LETTER_STATUS } from '@madoguchi/domain';
import { z } from 'zod';

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
