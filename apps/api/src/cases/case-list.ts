import { fullName, isOverdue } from '@madoguchi/domain';
import { dateColumn, dayOf, type Prisma } from '@madoguchi/db';
import type { z } from 'zod';
import { simpleRestQuery } from '../validation/simple-rest';
import { CASE_LIST_SORTABLE, caseListFilterSchema } from '@madoguchi/contract/schemas';
import type { CaseSummary } from '@madoguchi/contract';

/**
 * `GET /api/cases` in react-admin's simple-rest form: `filter`, `sort` and `range` as JSON in the
 * query string, the total in `Content-Range`.
 */
export const caseListQuerySchema = simpleRestQuery(caseListFilterSchema, CASE_LIST_SORTABLE);

export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** Mailed agent cases whose reply deadline has passed: the list's `overdue` filter and the supervisors' count. */
export function overdueWhere(today: string): Prisma.PinResetCaseWhereInput {
  return { state: 'inquiry_mailed', letters: { some: { status: 'mailed', replyDeadline: { lt: dateColumn(today) } } } };
}

/** What a list row loads: the holder's names and the current letter's deadline, once it is mailed. */
export const CASE_SUMMARY_INCLUDE = {
  parties: { where: { role: 'holder' }, select: { familyName: true, givenName: true, familyNameKana: true, givenNameKana: true } },
  letters: {
    where: { status: { not: 'superseded' } },
    orderBy: { createdAt: 'desc' },
    take: 1,
    select: { status: true, replyDeadline: true, returnedAt: true },
  },
} satisfies Prisma.PinResetCaseInclude;

/** What a list row is made from, however it was read: the case, its holder's names and its current letter. */
export interface SummarySource {
  id: string;
  receiptNumber: string;
  officeId: string;
  state: CaseSummary['state'];
  route: CaseSummary['route'];
  pins: CaseSummary['pins'];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  holder?: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string };
  letter?: { status: string; replyDeadline: string | null; returnedAt: Date | null };
}

/** A case read by Prisma with CASE_SUMMARY_INCLUDE, as a list row's source. */
export function included(row: Prisma.PinResetCaseGetPayload<{ include: typeof CASE_SUMMARY_INCLUDE }>): SummarySource {
  const letter = row.letters[0];
  return { ...row, holder: row.parties[0], letter: letter && { ...letter, replyDeadline: dayOf(letter.replyDeadline) } };
}

export function summarize(row: SummarySource, today: string): CaseSummary {
  const { holder, letter } = row;
  // A deadline runs only once its letter is in the post (a reissued letter waiting to print has none yet).
  const deadline = letter?.status === 'mailed' ? letter.replyDeadline : null;
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
    returned: row.state === 'inquiry_mailed' && !!letter?.returnedAt,
  };
}

export type { CaseSummary };
