import { CASE_STATE, formatReceiptNumber, fullName, isOverdue, parseReceiptNumber, readInquiryNumber, ROUTE } from '@madoguchi/domain';
import { dayOf, type Prisma } from '@madoguchi/db';
import { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';
import { isoDate } from './case-body.schema';
import type { CaseSummary } from '@madoguchi/contract';

/**
 * `GET /api/cases` in react-admin's simple-rest form: `filter`, `sort` and `range` as JSON in the
 * query string, the total in `Content-Range`.
 */
const stateOrStates = z.union([z.enum(CASE_STATE.values), z.array(z.enum(CASE_STATE.values)).max(5)]);

export const caseListFilterSchema = z.strictObject({
  state: stateOrStates.optional(),
  route: z.enum(ROUTE.values).optional(),
  officeId: z.uuid().optional(),
  /** Mailed agent cases whose reply deadline has passed. */
  overdue: z.boolean().optional(),
  /** Receipt number, inquiry number, or the start of a kana name (hiragana is read as katakana). */
  q: z.string().trim().min(1).max(50).optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  /** react-admin's getMany. */
  id: z.array(z.uuid()).max(100).optional(),
});

export const SORTABLE = ['createdAt', 'updatedAt', 'receiptNumber', 'state'] as const;

export const caseListQuerySchema = simpleRestQuery(caseListFilterSchema, SORTABLE);

export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export type CaseListFilter = z.infer<typeof caseListFilterSchema>;

/** Hiragana to katakana, full width, no spaces: how kana names are stored. */
export function toKatakana(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** What a list row loads: the holder's names and the current letter's deadline. */
export const CASE_SUMMARY_INCLUDE = {
  parties: { where: { role: 'holder' }, select: { familyName: true, givenName: true, familyNameKana: true, givenNameKana: true } },
  letters: { where: { status: { not: 'superseded' } }, orderBy: { createdAt: 'desc' }, take: 1, select: { replyDeadline: true } },
} satisfies Prisma.PinResetCaseInclude;

export function summarize(row: Prisma.PinResetCaseGetPayload<{ include: typeof CASE_SUMMARY_INCLUDE }>, today: string): CaseSummary {
  const holder = row.parties[0];
  const deadline = dayOf(row.letters[0]?.replyDeadline ?? null);
  return {
    id: row.id,
    receiptNumber: row.receiptNumber,
    officeId: row.officeId,
    state: row.state,
    route: row.route,
    pins: row.pins,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    holderName: fullName(holder),
    holderKana: holder ? `${holder.familyNameKana} ${holder.givenNameKana}` : '',
    replyDeadline: deadline,
    overdue: row.state === 'inquiry_mailed' && deadline !== null && isOverdue(deadline, today),
  };
}

/**
 * What a search box entry can mean: an exact receipt number, an inquiry number (typed loosely), or
 * the start of a kana name (hiragana read as katakana). Only the readings the entry fits are
 * searched: a name is not looked up as a receipt number, which keeps each search on its index.
 */
export function searchTerms(q: string): { receiptNumber?: string; inquiryNumber?: string; kana?: string } {
  const receipt = parseReceiptNumber(q);
  const inquiry = readInquiryNumber(q);
  const kana = toKatakana(q);
  return {
    ...(receipt ? { receiptNumber: formatReceiptNumber(receipt.officeCode, receipt.year, receipt.sequence) } : {}),
    ...(inquiry.ok ? { inquiryNumber: inquiry.value } : {}),
    ...(/^[\u30A0-\u30FF]+$/.test(kana) ? { kana } : {}),
  };
}

export type { CaseSummary };
