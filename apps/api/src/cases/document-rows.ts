import type { PresentedDocumentRequest } from '@madoguchi/contract/schemas';
import { dateColumn } from '@madoguchi/db';

/** Presented documents as rows of one visit. */
export function documentRows(documents: readonly PresentedDocumentRequest[], visit: 1 | 2) {
  return documents.map((d) => ({
    visit,
    presentedBy: d.presentedBy,
    type: d.type,
    issuedOn: d.issuedOn ? dateColumn(d.issuedOn) : null,
    expiresOn: d.expiresOn ? dateColumn(d.expiresOn) : null,
  }));
}
