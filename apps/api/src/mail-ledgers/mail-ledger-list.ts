import { mailLedgerListFilterSchema } from '@madoguchi/contract/schemas';
import type { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';

/** `GET /api/mail-ledgers`: an office's days of mailing, newest first (the order is the ledger's own). */
export const mailLedgerListQuerySchema = simpleRestQuery(mailLedgerListFilterSchema, ['day']);
export type MailLedgerListQuery = z.infer<typeof mailLedgerListQuerySchema>;
