import { MAX_PRINT_RUN_LETTERS, PRINT_RUN_STATUS } from '@madoguchi/domain';
import { z } from 'zod';
import { distinctIds, isoDate } from './fields';

/**
 * `POST /api/print-runs`: the cases whose letters to print, as picked from the waiting list. The
 * completion notices waiting at the office go in too, after the letters (a run may hold only them).
 */
export const createPrintRunSchema = z.strictObject({
  caseIds: distinctIds(MAX_PRINT_RUN_LETTERS),
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

/** `GET /api/mail-ledgers`'s `filter`: an office's days of mailing, from and to a day. */
export const mailLedgerListFilterSchema = z.strictObject({
  officeId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
