import { dayOf, type Prisma } from '@madoguchi/db';
import type { PrintRunSummary, PrintRunView } from '@madoguchi/contract';
import { fullName } from '@madoguchi/domain';
import { STAFF_REF } from '../cases/case-view';

const staff = { select: STAFF_REF } as const;

export const PRINT_RUN_SUMMARY_SELECT = {
  id: true,
  officeId: true,
  status: true,
  letterCount: true,
  noticeCount: true,
  printedOn: true,
  createdAt: true,
  renderedAt: true,
  pdfSha256: true,
  lastError: true,
  mailedAt: true,
  cancelledAt: true,
  createdBy: staff,
  mailedBy: staff,
} satisfies Prisma.PrintRunSelect;

export const PRINT_RUN_VIEW_SELECT = {
  ...PRINT_RUN_SUMMARY_SELECT,
  letters: {
    orderBy: { printRunPosition: 'asc' },
    select: {
      id: true,
      printRunPosition: true,
      caseId: true,
      inquiryNumber: true,
      status: true,
      documentNumber: true,
      missingCharacters: true,
      mailedOn: true,
      replyDeadline: true,
      case: { select: { receiptNumber: true, state: true, parties: { where: { role: 'holder' }, select: { familyName: true, givenName: true } } } },
    },
  },
  notices: {
    orderBy: { printRunPosition: 'asc' },
    select: {
      id: true,
      printRunPosition: true,
      caseId: true,
      status: true,
      noticeNumber: true,
      mailedOn: true,
      case: { select: { receiptNumber: true, parties: { where: { role: 'holder' }, select: { familyName: true, givenName: true } } } },
    },
  },
} satisfies Prisma.PrintRunSelect;

export function toPrintRunSummary(row: Prisma.PrintRunGetPayload<{ select: typeof PRINT_RUN_SUMMARY_SELECT }>): PrintRunSummary {
  return {
    id: row.id,
    officeId: row.officeId,
    status: row.status,
    letterCount: row.letterCount,
    noticeCount: row.noticeCount,
    printedOn: dayOf(row.printedOn),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    renderedAt: row.renderedAt?.toISOString() ?? null,
    pdfSha256: row.pdfSha256,
    lastError: row.lastError,
    mailedAt: row.mailedAt?.toISOString() ?? null,
    mailedBy: row.mailedBy,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

export function toPrintRunView(row: Prisma.PrintRunGetPayload<{ select: typeof PRINT_RUN_VIEW_SELECT }>): PrintRunView {
  return {
    ...toPrintRunSummary(row),
    letters: row.letters.map((l) => ({
      id: l.id,
      position: l.printRunPosition ?? 0,
      caseId: l.caseId,
      receiptNumber: l.case.receiptNumber,
      caseState: l.case.state,
      inquiryNumber: l.inquiryNumber,
      holderName: fullName(l.case.parties[0]),
      status: l.status,
      documentNumber: l.documentNumber,
      missingCharacters: l.missingCharacters,
      mailedOn: dayOf(l.mailedOn),
      replyDeadline: dayOf(l.replyDeadline),
    })),
    notices: row.notices.map((n) => ({
      id: n.id,
      position: n.printRunPosition ?? 0,
      caseId: n.caseId,
      receiptNumber: n.case.receiptNumber,
      holderName: fullName(n.case.parties[0]),
      status: n.status,
      noticeNumber: n.noticeNumber,
      mailedOn: dayOf(n.mailedOn),
    })),
  };
}

export type { PrintRunSummary, PrintRunView };
