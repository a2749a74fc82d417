import type { Role } from '@madoguchi/domain';

/** The logged-in member of staff a request acts for. */
export interface StaffPrincipal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string;
  /** Their office's code, the start of the receipt numbers it gives. */
  officeCode: string;
  /** The municipality the staff member works for: the scope of everything they see. */
  municipalityId: string;
  /** Every office of the staff member's municipality: what they may see (plain ids a query can put to its indexes). */
  municipalityOfficeIds: string[];
  sessionId: string;
}
