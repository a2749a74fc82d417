import { completionNoticeListFilterSchema } from '@madoguchi/contract/schemas';
import type { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';

/** `GET /api/completion-notices`: oldest first by default. */
export const completionNoticeListQuerySchema = simpleRestQuery(completionNoticeListFilterSchema, ['createdAt']);
export type CompletionNoticeListQuery = z.infer<typeof completionNoticeListQuerySchema>;
