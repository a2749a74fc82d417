import { MAX_PRINT_RUN_LETTERS, PRINT_RUN_STATUS } from '@madoguchi/domain';
import { z } from 'zod';
import { distinctIds } from './fields';

/** `POST /api/print-runs`: the cases whose letters to print, as picked from the waiting list. */
export const createPrintRunSchema = z.strictObject({
  caseIds: distinctIds(MAX_PRINT_RUN_LETTERS).refine((ids) => ids.length > 0, { error: 'print_run_empty' }),
});
export type CreatePrintRunBody = z.input<typeof createPrintRunSchema>;
export type CreatePrintRunRequest = z.output<typeof createPrintRunSchema>;

/** `POST /api/print-runs/:id/mailed`: the letters of the run that were not put in the post, if any. */
export const confirmMailedSchema = z.strictObject({
  withheldCaseIds: distinctIds(MAX_PRINT_RUN_LETTERS).optional(),
});
export type ConfirmMailedBody = z.input<typeof confirmMailedSchema>;
export type ConfirmMailedRequest = z.output<typeof confirmMailedSchema>;

/** `GET /api/print-runs`'s `filter`. */
export const printRunListFilterSchema = z.strictObject({
  status: z.union([z.enum(PRINT_RUN_STATUS.values), z.array(z.enum(PRINT_RUN_STATUS.values)).max(4)]).optional(),
  officeId: z.uuid().optional(),
  id: z.array(z.uuid()).max(100).optional(),
});
export const PRINT_RUN_LIST_SORTABLE = ['createdAt', 'status'] as const;
