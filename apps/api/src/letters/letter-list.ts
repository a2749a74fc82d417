import { dayOf, type Prisma } from '@madoguchi/db';
import { awaitsPrinting, fullName } from '@madoguchi/domain';
import type { z } from 'zod';
import { LETTER_LIST_SORTABLE, letterListFilterSchema } from '@madoguchi/contract/schemas';
import { simpleRestQuery } from '../validation/simple-rest';
import type { LetterSummary } from '@madoguchi/contract';

/** `GET /api/letters`: the print desk's list (oldest first by default). */
export const letterListQuerySchema = simpleRestQuery(letterListFilterSchema, LETTER_LIST_SORTABLE);
export type LetterListQuery = z.infer<typeof letterListQuerySchema>;

export const LETTER_SUMMARY_SELECT = {
  id: true,
  caseId: true,
  status: true,
  inquiryNumber: true,
  issuedOn: true,
  replyDeadline: true,
  mailedOn: true,
  printRunId: true,
  documentNumber: true,
  missingCharacters: true,
  lastError: true,
  reissueReason: true,
  returnedAt: true,
  returnedReason: true,
  createdAt: true,
  renderedAt: true,
  case: { select: { receiptNumber: true, state: true, officeId: true, parties: { where: { role: 'holder' }, select: { familyName: true, givenName: true } } } },
} satisfies Prisma.InquiryLetterSelect;

type LetterSummaryRow = Prisma.InquiryLetterGetPayload<{ select: typeof LETTER_SUMMARY_SELECT }>;

export function summarizeLetter(row: LetterSummaryRow): LetterSummary {
  const holder = row.case.parties[0];
  return {
    id: row.id,
    caseId: row.caseId,
    receiptNumber: row.case.receiptNumber,
    caseState: row.case.state,
    officeId: row.case.officeId,
    status: row.status,
    awaitingPrint: awaitsPrinting(row.status, row.case.state),
    inquiryNumber: row.inquiryNumber,
    holderName: fullName(holder),
    issuedOn: dayOf(row.issuedOn),
    replyDeadline: dayOf(row.replyDeadline),
    mailedOn: dayOf(row.mailedOn),
    printRunId: row.printRunId,
    documentNumber: row.documentNumber,
    documentNumberVoid: row.documentNumber !== null && row.status === 'superseded',
    missingCharacters: row.missingCharacters,
    lastError: row.lastError,
    reissueReason: row.reissueReason,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    returnedReason: row.returnedReason,
    createdAt: row.createdAt.toISOString(),
    renderedAt: row.renderedAt?.toISOString() ?? null,
  };
}

export type { LetterSummary };
