import { PRINT_RUN_LIST_SORTABLE, printRunListFilterSchema } from '@madoguchi/contract/schemas';
import type { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';

/** `GET /api/print-runs`: the print desk's runs, newest first by default. */
export const printRunListQuerySchema = simpleRestQuery(printRunListFilterSchema, PRINT_RUN_LIST_SORTABLE);
export type PrintRunListQuery = z.infer<typeof printRunListQuerySchema>;
