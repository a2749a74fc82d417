import { dayOf, type Prisma } from '@madoguchi/db';
import type { CaseView, HistoryDetails, PartyView } from '@madoguchi/contract';

/** Who did something, as the console names them: display name first, username on hover. */
export const STAFF_REF = { id: true, username: true, displayName: true } as const;

/** The actor of what the system did by itself. */
export const SYSTEM_ACTOR = { kind: 'system' } as const;

/** The Prisma include that loads everything a CaseView shows. */
export const CASE_VIEW_INCLUDE = {
  parties: true,
  documents: { orderBy: [{ visit: 'asc' }, { createdAt: 'asc' }] },
  letters: { orderBy: { createdAt: 'asc' } },
  history: { orderBy: { id: 'asc' }, include: { actor: { select: STAFF_REF } } },
  policyVersion: { select: { version: true } },
  notice: { select: { id: true, status: true, noticeNumber: true, mailedOn: true, pdfRemovedAt: true } },
} satisfies Prisma.PinResetCaseInclude;

/** A case row loaded with CASE_VIEW_INCLUDE, as Prisma types it. */
export type CaseRow = Prisma.PinResetCaseGetPayload<{ include: typeof CASE_VIEW_INCLUDE }>;
type PartyRow = CaseRow['parties'][number];

function party(p: PartyRow): PartyView {
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    familyNameKana: p.familyNameKana,
    givenNameKana: p.givenNameKana,
    postalCode: p.postalCode,
    address: p.address,
  };
}

export function toCaseView(row: CaseRow): CaseView {
  const holder = row.parties.find((p) => p.role === 'holder')!;
  const representative = row.parties.find((p) => p.role === 'representative');
  return {
    id: row.id,
    receiptNumber: row.receiptNumber,
    officeId: row.officeId,
    state: row.state,
    route: row.route,
    reason: row.reason,
    pins: row.pins,
    version: row.version,
    note: row.note,
    policyVersion: row.policyVersion.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    holder: {
      ...party(holder),
      birthDate: dayOf(holder.birthDate)!,
      adultWard: holder.adultWard ?? false,
      hasSignatureCertificate: holder.hasSignatureCertificate ?? false,
      hasUserAuthCertificate: holder.hasUserAuthCertificate,
      signatureCertificateExpiresOn: dayOf(holder.signatureCertExpiresOn),
      userAuthCertificateExpiresOn: dayOf(holder.userAuthCertExpiresOn),
      basicInfoChanged: holder.basicInfoChanged,
    },
    representative: representative ? { ...party(representative), kind: representative.kind!, birthDate: dayOf(representative.birthDate) } : null,
    documents: row.documents.map((d) => ({
      id: d.id,
      visit: d.visit,
      presentedBy: d.presentedBy,
      type: d.type,
      issuedOn: dayOf(d.issuedOn),
      expiresOn: dayOf(d.expiresOn),
    })),
    letters: row.letters.map((l) => ({
      id: l.id,
      status: l.status,
      inquiryNumber: l.inquiryNumber,
      mailedOn: dayOf(l.mailedOn),
      replyDeadline: dayOf(l.replyDeadline),
      returnedAt: l.returnedAt?.toISOString() ?? null,
      pdfRemoved: l.pdfRemovedAt !== null,
    })),
    history: row.history.map((h) => ({
      from: h.fromState,
      to: h.toState,
      at: h.at.toISOString(),
      actor: h.actor ?? SYSTEM_ACTOR,
      reason: h.reason,
      event: h.event,
      details: h.details as HistoryDetails | null,
      note: h.note,
    })),
    completionNotice: row.notice
      ? {
          id: row.notice.id,
          status: row.notice.status,
          noticeNumber: row.notice.noticeNumber,
          mailedOn: dayOf(row.notice.mailedOn),
          pdfRemoved: row.notice.pdfRemovedAt !== null,
        }
      : null,
  };
}

export type { CaseView };
