import { MAX_PRINT_RUN_LETTERS, PRINT_RUN_STATUS } from '@madoguchi/domain';
import { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';

const distinctIds = (max: number) =>
  z
    .array(z.uuid({ error: '申請のIDが正しくありません。' }))
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { error: '同じ申請が2回指定されています。' });

/** `POST /api/print-runs`: the cases whose letters to print, as picked from the waiting list. */
export const createPrintRunSchema = z.strictObject({
  caseIds: distinctIds(MAX_PRINT_RUN_LETTERS).refine((ids) => ids.length > 0, { error: '印刷する照会書を1通以上選んでください。' }),
});
export type CreatePrintRunBody = z.infer<typeof createPrintRunSchema>;

/** `POST /api/print-runs/:id/mailed`: the letters of the run that were not put in the post, if any. */
export const confirmMailedSchema = z.strictObject({
  withheldCaseIds: distinctIds(MAX_PRINT_RUN_LETTERS).optional(),
});
export type ConfirmMailedBody = z.infer<typeof confirmMailedSchema>;

export const printRunListQuerySchema = simpleRestQuery(
  z.strictObject({
    status: z.union([z.enum(PRINT_RUN_STATUS.values), z.array(z.enum(PRINT_RUN_STATUS.values)).max(4)]).optional(),
    officeId: z.uuid().optional(),
    id: z.array(z.uuid()).max(100).optional(),
  }),
  ['createdAt', 'status'] as const,
);
export type PrintRunListQuery = z.infer<typeof printRunListQuerySchema>;
