import type { AttestationId, DocumentType, PresentedDocument, Presenter } from '@madoguchi/domain';
import { isoOf, isUnreadable } from '../dates/JapaneseDateInput';

/** A document row as the form holds it: dates as typed (和暦 or Western; empty means not given). */
export interface DocumentRow {
  presentedBy: Presenter;
  type: DocumentType;
  issuedOn: string;
  expiresOn: string;
}

/** The rows as the rules and the API take them: only dates that are dates (a half-typed one counts as not given). */
export function toPresented(rows: readonly DocumentRow[]): PresentedDocument[] {
  return rows.map((r) => ({ presentedBy: r.presentedBy, type: r.type, issuedOn: isoOf(r.issuedOn, 'document'), expiresOn: isoOf(r.expiresOn, 'document') }));
}

/** Rows whose typed dates cannot be read yet: each field, for the list of what is still missing. */
export function unreadableDates(rows: readonly DocumentRow[], idPrefix: string): { id: string; index: number; field: 'issuedOn' | 'expiresOn' }[] {
  return rows.flatMap((r, index) =>
    (['issuedOn', 'expiresOn'] as const)
      .filter((field) => isUnreadable(r[field], 'document'))
      .map((field) => ({ id: `${idPrefix}-${field === 'issuedOn' ? 'issued' : 'expires'}-${index}`, index, field })),
  );
}

/** A checklist line ticked or unticked. */
export function withAttestation(attested: readonly AttestationId[], id: AttestationId, ticked: boolean): AttestationId[] {
  return ticked ? [...new Set([...attested, id])] : attested.filter((a) => a !== id);
}
