import { STAFF_LIST_SORTABLE, staffListFilterSchema } from '@madoguchi/contract/schemas';
import type { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';

/** `GET /api/users`: the administrators' list of staff. */
export const staffListQuerySchema = simpleRestQuery(staffListFilterSchema, STAFF_LIST_SORTABLE);
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;
